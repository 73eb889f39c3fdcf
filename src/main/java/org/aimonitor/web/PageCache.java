package org.aimonitor.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.aimonitor.i18n.Lang;
import org.aimonitor.store.Database;

/**
 * Pages change only when the data do, so a rendered page is kept per (origin, path, known query
 * parameters, language, day) and served again until an import moves the data version on.
 * Responses carry an ETag and Last-Modified, and conditional requests get 304 Not Modified.
 *
 * <p>The cache is bounded in bytes (the page and its compressed forms), not only in entries,
 * and its keys hold only the parameters a route understands ({@link KnownParams}), trimmed:
 * {@code /?x=1}, {@code /?x=2}, … are the one page {@code /}. A page larger than an eighth of
 * the budget is served but not kept. Caffeine keeps the pages: a lookup takes no lock, and its
 * admission policy (W-TinyLFU) keeps a flood of pages asked once from pushing out the pages
 * readers keep asking for.
 *
 * <p>A hit never waits for anyone: the data version comes from memory ({@link Database#version})
 * and the lookup is lock-free. Only requests for the same missing page wait, for its one render
 * (a future per key), and at most {@link #RENDERS} renders run at once; beyond
 * {@link #MAX_WAITING} requests waiting for a render slot the answer is 503 with
 * {@code Retry-After}, so a flood of distinct pages cannot hold every server thread.
 *
 * <p>A route whose page also depends on something else of the request (the reader's "new since
 * your last visit" state, a feed's language and address) names it with a variant
 * ({@link #wrap(Handler, Function)}), which joins the key; variants must come from a small,
 * known set of values, never from raw request text, so the keys cannot grow without end.
 */
public final class PageCache {

  /** The default budget, in bytes; {@code AIM_PAGE_CACHE_MB} sets another, 0 turns caching off. */
  public static final long DEFAULT_BYTES = 16L * 1024 * 1024;
  /** Renders that may run at once: the machine's cores, at least two. */
  public static final int RENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** Requests that may wait for a render slot; more are answered 503. */
  public static final int MAX_WAITING = 64;
  /** How long a request waits for a render slot or for another request's render of its page. */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  /** The request attribute saying how the cache answered ({@link #outcome}). */
  private static final String OUTCOME = "aim.page-cache";
  /** Bytes an entry costs besides its bodies: key, headers, bookkeeping (an estimate). */
  private static final int ENTRY_OVERHEAD = 1_024;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  /**
   * A response as the handler produced it, with its compressed forms made once, on first
   * request: compressing an 80 KB page on every request would cost more than rendering it.
   */
  private final class Entry {
    final String key;
    final byte[] body;
    final Map<String, String> headers;
    final String etag;
    final String lastModified;
    private volatile byte[] gzip;
    private volatile byte[] brotli;

    Entry(String key, byte[] body, Map<String, String> headers, String etag,
        String lastModified) {
      this.key = key;
      this.body = body;
      this.headers = headers;
      this.etag = etag;
      this.lastModified = lastModified;
    }

    int bytes() {
      byte[] g = gzip;
      byte[] b = brotli;
      long n = ENTRY_OVERHEAD + body.length + (g == null ? 0 : g.length) + (b == null ? 0 : b.length);
      return (int) Math.min(Integer.MAX_VALUE, n);
    }

    byte[] gzip() {
      byte[] g = gzip;
      if (g != null) {
        return g;
      }
      synchronized (this) {
        if (gzip == null) {
          gzip = Compression.gzip(body);
          grew(this);
        }
        return gzip;
      }
    }

    byte[] brotli() {
      byte[] b = brotli;
      if (b != null) {
        return b;
      }
      synchronized (this) {
        if (brotli == null) {
          brotli = Compression.brotli(body);
          grew(this);
        }
        return brotli;
      }
    }
  }

  private final Database db;
  private final long maxBytes;
  private final java.time.Clock clock;
  /** Finished pages, keyed by data version and request (see {@link #key}). */
  private final Cache<String, Entry> entries;
  /** Renders under way, by key: requests for the same page wait for the one render. */
  private final ConcurrentHashMap<String, CompletableFuture<Entry>> rendering =
      new ConcurrentHashMap<>();
  private final Semaphore renderSlots = new Semaphore(RENDERS, true);
  private final AtomicInteger waiting = new AtomicInteger();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private volatile Stamp version = new Stamp(Long.MIN_VALUE, Long.MIN_VALUE);
  /** Runs as a request starts waiting for another's render of its page: a test hook only. */
  private volatile Runnable waitingForRender = () -> { };

  /**
   * What pages depend on besides the request: the data version and the latest import (an import
   * that changes no row moves no data version, yet the pages that list imports change).
   */
  private record Stamp(long number, long lastImport) {
    static Stamp of(Database.Version v) {
      return new Stamp(v.number(), v.lastImport());
    }
  }

  public PageCache(Database db) {
    this(db, DEFAULT_BYTES);
  }

  /** A cache of at most {@code maxBytes}; 0 keeps nothing (every request renders). */
  public PageCache(Database db, long maxBytes) {
    this(db, maxBytes, java.time.Clock.systemUTC());
  }

  /** As {@link #PageCache(Database, long)}, with the day read from {@code clock}. */
  public PageCache(Database db, long maxBytes, java.time.Clock clock) {
    this.db = db;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.entries = Caffeine.newBuilder()
        .maximumWeight(Math.max(0, maxBytes))
        .<String, Entry>weigher((key, entry) -> entry.bytes())
        // Upkeep on the calling threads: no pool of the cache's own.
        .executor(Runnable::run)
        .evictionListener((String key, Entry entry, RemovalCause cause) -> {
          if (cause == RemovalCause.SIZE) {
            evictions.increment();
          }
        })
        .build();
  }

  /** The handler, with its successful text responses cached and made conditional. */
  public Handler wrap(Handler handler) {
    return wrap(handler, ctx -> "");
  }

  /**
   * As {@link #wrap(Handler)}, for a page that also depends on {@code variant} of the request:
   * one of a small set of normalised values (see the class comment), part of the key.
   */
  public Handler wrap(Handler handler, Function<Context, String> variant) {
    return ctx -> {
      Database.Version current = db.version();
      Stamp stamp = Stamp.of(current);
      forgetOlderThan(stamp);
      String key = stamp.number() + "/" + stamp.lastImport() + "|" + key(ctx, LocalDate.now(clock))
          + '|' + variant.apply(ctx);
      Entry entry = maxBytes > 0 ? entries.getIfPresent(key) : null;
      if (entry != null) {
        hits.increment();
        ctx.attribute(OUTCOME, "hit");
        entry.headers.forEach(ctx::header);
      } else {
        misses.increment();
        ctx.attribute(OUTCOME, "miss");
        entry = renderOnce(ctx, handler, key, current);
        if (entry == null) {
          return;
        }
      }
      answer(ctx, entry);
    };
  }

  /**
   * The page for {@code key}: rendered here, or by the request already rendering it (waiting
   * for that only). Null when this request answered itself: an error, a page not to keep, no
   * budget.
   */
  private Entry renderOnce(Context ctx, Handler handler, String key, Database.Version current)
      throws Exception {
    if (maxBytes <= 0) {
      withRenderSlot(ctx, () -> handler.handle(ctx));
      return null;
    }
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> running = rendering.putIfAbsent(key, mine);
    if (running != null) {
      waitingForRender.run();
      Entry theirs;
      try {
        theirs = running.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        busy(ctx);
        return null;
      }
      if (theirs != null) {
        theirs.headers.forEach(ctx::header);
        return theirs;
      }
      // Their answer was not one to keep (an error page): answer this request on its own.
      withRenderSlot(ctx, () -> handler.handle(ctx));
      return null;
    }
    Entry made = null;
    try {
      made = entries.getIfPresent(key);
      if (made != null) {
        made.headers.forEach(ctx::header);
        return made;
      }
      Entry[] result = new Entry[1];
      withRenderSlot(ctx, () -> {
        handler.handle(ctx);
        result[0] = keep(ctx, key, current);
      });
      made = result[0];
      return made;
    } finally {
      mine.complete(made);
      rendering.remove(key, mine);
    }
  }

  /** The response just rendered as an entry, kept when it fits; null when not to keep. */
  private Entry keep(Context ctx, String key, Database.Version current) {
    String body = ctx.result();
    if (ctx.status() != HttpStatus.OK || body == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : ctx.res().getHeaderNames()) {
      // A cookie belongs to the request that set it (the language chosen by ?lang=).
      if (!name.equalsIgnoreCase(Header.SET_COOKIE)) {
        headers.put(name, ctx.res().getHeader(name));
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Entry entry = new Entry(key, bytes, headers,
        "W/\"" + current.number() + "-" + hash(bytes) + "\"", httpDate(lastChange(current)));
    if ((long) entry.bytes() * 8 <= maxBytes && key.startsWith(prefix(version))) {
      entries.put(key, entry);
    }
    return entry;
  }

  /** A piece of work that may throw what a handler throws. */
  private interface Render {
    void run() throws Exception;
  }

  /** Runs {@code render} in one of the {@link #RENDERS} slots, or answers 503 when none frees. */
  private void withRenderSlot(Context ctx, Render render) throws Exception {
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      busy(ctx);
      return;
    }
    boolean acquired;
    try {
      acquired = renderSlots.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      waiting.decrementAndGet();
    }
    if (!acquired) {
      busy(ctx);
      return;
    }
    try {
      render.run();
    } finally {
      renderSlots.release();
    }
  }

  /** Too many renders asked for at once: come back in a second. */
  private void busy(Context ctx) {
    refused.increment();
    ctx.attribute(OUTCOME, "busy");
    ctx.header(Header.RETRY_AFTER, "1");
    throw HttpProblem.of(503, "cache.busy.title", "cache.busy.message");
  }

  private void answer(Context ctx, Entry entry) {
    ctx.header(Header.ETAG, entry.etag);
    ctx.header(Header.LAST_MODIFIED, entry.lastModified);
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    ctx.header(Header.VARY, "Accept-Encoding, Accept-Language, Cookie");
    if (notModified(ctx, entry)) {
      ctx.status(HttpStatus.NOT_MODIFIED).result("");
      return;
    }
    String accepted = String.valueOf(ctx.header(Header.ACCEPT_ENCODING));
    if (Compression.BROTLI && Compression.accepts(accepted, "br")) {
      ctx.header(Header.CONTENT_ENCODING, "br").result(entry.brotli());
    } else if (Compression.accepts(accepted, "gzip")) {
      ctx.header(Header.CONTENT_ENCODING, "gzip").result(entry.gzip());
    } else {
      ctx.result(entry.body);
    }
  }

  /** How the cache answered this request: "hit", "miss", "busy", or null (not a cached route). */
  public static String outcome(Context ctx) {
    return ctx.attribute(OUTCOME);
  }

  /** Forgets every page, e.g. after an import in this process (the version check also catches it). */
  public void clear() {
    entries.invalidateAll();
  }

  /** Bytes held now (pages and their compressed forms). */
  public long bytes() {
    entries.cleanUp();
    return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  /** Pages held now. */
  public int size() {
    entries.cleanUp();
    return (int) entries.estimatedSize();
  }

  /**
   * Runs {@code hook} each time a request starts waiting for another request's render of the
   * same page, so a test can hold a render until the others provably wait for it.
   */
  void onWaitingForRender(Runnable hook) {
    waitingForRender = hook;
  }

  /** Requests answered from the cache so far. */
  public long hits() {
    return hits.sum();
  }

  /** Requests of a cached route that found no page (and rendered or waited for one). */
  public long misses() {
    return misses.sum();
  }

  /** Pages pushed out to stay within the budget. */
  public long evictions() {
    return evictions.sum();
  }

  /** Requests answered 503 because too many renders were asked for at once. */
  public long refused() {
    return refused.sum();
  }

  /** Once the data have moved on, no page of an older version can be served again. */
  private void forgetOlderThan(Stamp current) {
    if (!current.equals(version)) {
      synchronized (this) {
        if (!current.equals(version)) {
          version = current;
          entries.invalidateAll();
        }
      }
    }
  }

  private static String prefix(Stamp stamp) {
    return stamp.number() + "/" + stamp.lastImport() + "|";
  }

  /** A compressed form was added to {@code entry}: weigh it again, and drop it if too large. */
  private void grew(Entry entry) {
    if ((long) entry.bytes() * 8 > maxBytes) {
      entries.asMap().remove(entry.key, entry);
    } else {
      entries.asMap().replace(entry.key, entry, entry);
    }
  }

  /**
   * Origin, path, the route's known parameters, language and day: all a page depends on but the
   * data. Every page names its other-language versions by absolute URL on the origin the reader
   * used (hreflang links), so a page rendered for one host name is never served to another. The
   * origin is normalised ({@link Addresses#origin}); the byte bound keeps forged host names from
   * holding more than the budget.
   */
  static String key(Context ctx, LocalDate today) {
    StringBuilder key = new StringBuilder(Addresses.origin(ctx)).append(ctx.path()).append('?');
    KnownParams.canonical(ctx).forEach((name, values) ->
        values.forEach(v -> key.append(name).append('=').append(v).append('&')));
    return key.append('|').append(Lang.of(ctx).code())
        // Citations name the access date and releases fall due by the day, so a page is not
        // served across midnight.
        .append('|').append(today).toString();
  }

  private static boolean notModified(Context ctx, Entry entry) {
    String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(entry.etag) || ("W/" + t).equals(entry.etag)) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = ctx.header(Header.IF_MODIFIED_SINCE);
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      return !ZonedDateTime.parse(ifModifiedSince, HTTP_DATE)
          .isBefore(ZonedDateTime.parse(entry.lastModified, HTTP_DATE));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** When the data or the import log last changed, whichever is later (ISO instants). */
  public static String lastChange(Database.Version v) {
    if (v.lastImportAt() == null) {
      return v.changedAt();
    }
    try {
      return Instant.parse(v.lastImportAt()).isAfter(Instant.parse(v.changedAt()))
          ? v.lastImportAt() : v.changedAt();
    } catch (DateTimeParseException e) {
      return v.changedAt();
    }
  }

  /** An ISO instant as an HTTP date ("Sun, 29 Nov 2026 14:58:01 GMT"); the epoch if unreadable. */
  public static String httpDate(String isoInstant) {
    Instant instant;
    try {
      instant = Instant.parse(isoInstant);
    } catch (DateTimeParseException e) {
      instant = Instant.EPOCH;
    }
    return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
  }

  private static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
