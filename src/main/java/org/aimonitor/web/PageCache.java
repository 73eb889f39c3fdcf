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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.aimonitor.i18n.Lang;
import org.aimonitor.store.Database;

/**
 * Pages change only when the data do, so a rendered page is kept per (origin, path, known query
 * parameters, language, day) and served again until an import moves the data version on.
 * Responses carry an ETag and Last-Modified, and conditional requests get 304 Not Modified.
 *
 * <p>The cache is bounded in bytes (the page and its compressed forms), not only in entries,
 * and its keys hold only the parameters a route understands ({@link KnownParams}): {@code /?x=1},
 * {@code /?x=2}, … are the one page {@code /}. A page larger than an eighth of the budget is
 * served but not kept.
 *
 * <p>A route whose page also depends on something else of the request (the reader's "new since
 * your last visit" state, a feed's language and address) names it with a variant
 * ({@link #wrap(Handler, Function)}), which joins the key; variants must come from a small,
 * known set of values, never from raw request text, so the keys cannot grow without end.
 */
public final class PageCache {

  /** The default budget, in bytes; {@code AIM_PAGE_CACHE_MB} sets another, 0 turns caching off. */
  public static final long DEFAULT_BYTES = 16L * 1024 * 1024;
  /** Bytes an entry costs besides its bodies: key, headers, bookkeeping (an estimate). */
  private static final int ENTRY_OVERHEAD = 1_024;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  /**
   * A response as the handler produced it, with its compressed forms made once, on first
   * request: compressing an 80 KB page on every request would cost more than rendering it.
   */
  private final class Entry {
    final String key;
    final Stamp version;
    final byte[] body;
    final Map<String, String> headers;
    final String etag;
    final String lastModified;
    private byte[] gzip;
    private byte[] brotli;

    Entry(String key, Stamp version, byte[] body, Map<String, String> headers, String etag,
        String lastModified) {
      this.key = key;
      this.version = version;
      this.body = body;
      this.headers = headers;
      this.etag = etag;
      this.lastModified = lastModified;
    }

    long bytes() {
      return ENTRY_OVERHEAD + body.length + (gzip == null ? 0 : gzip.length)
          + (brotli == null ? 0 : brotli.length);
    }

    byte[] gzip() {
      synchronized (this) {
        if (gzip != null) {
          return gzip;
        }
        gzip = Compression.gzip(body);
      }
      grew(this, gzip.length);
      return gzip;
    }

    byte[] brotli() {
      synchronized (this) {
        if (brotli != null) {
          return brotli;
        }
        brotli = Compression.brotli(body);
      }
      grew(this, brotli.length);
      return brotli;
    }
  }

  private final Database db;
  private final long maxBytes;
  private final Object[] stripes = new Object[64];
  /** In access order: the eldest is the least recently used. Guarded by {@code this}. */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private Stamp version = new Stamp(Long.MIN_VALUE, Long.MIN_VALUE);

  /**
   * What pages depend on besides the request: the data version and the latest import (an import
   * that changes no row moves no data version, yet the pages that list imports change).
   */
  private record Stamp(long number, long lastImport) {
    static Stamp of(Database.Version v) {
      return new Stamp(v.number(), v.lastImport());
    }
  }
  private final java.time.Clock clock;

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
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
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
      String key = key(ctx, LocalDate.now(clock)) + '|' + variant.apply(ctx);
      Entry entry;
      // One render per page and version: requests that arrive while it renders wait for it
      // instead of all rendering (and compressing) the same page at once.
      synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
        entry = get(key);
        if (entry == null) {
          handler.handle(ctx);
          String body = ctx.result();
          if (ctx.status() != HttpStatus.OK || body == null) {
            return;
          }
          Map<String, String> headers = new LinkedHashMap<>();
          for (String name : ctx.res().getHeaderNames()) {
            // A cookie belongs to the request that set it (the language chosen by ?lang=).
            if (!name.equalsIgnoreCase(Header.SET_COOKIE)) {
              headers.put(name, ctx.res().getHeader(name));
            }
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          entry = new Entry(key, stamp, bytes, headers,
              "W/\"" + current.number() + "-" + hash(bytes) + "\"", httpDate(lastChange(current)));
          put(key, entry);
        } else {
          entry.headers.forEach(ctx::header);
        }
      }
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
    };
  }

  /** Forgets every page, e.g. after an import in this process (the version check also catches it). */
  public synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  /** Bytes held now (pages and their compressed forms). */
  public synchronized long bytes() {
    return bytes;
  }

  /** Pages held now. */
  public synchronized int size() {
    return entries.size();
  }

  /** Once the data have moved on, no page of an older version can be served again. */
  private synchronized void forgetOlderThan(Stamp current) {
    if (!current.equals(version)) {
      entries.clear();
      bytes = 0;
      version = current;
    }
  }

  private synchronized Entry get(String key) {
    Entry e = entries.get(key);
    return e != null && e.version.equals(version) ? e : null;
  }

  private synchronized void put(String key, Entry entry) {
    if (!entry.version.equals(version) || entry.bytes() * 8 > maxBytes) {
      return;
    }
    Entry old = entries.put(key, entry);
    if (old != null) {
      bytes -= old.bytes();
    }
    bytes += entry.bytes();
    evict();
  }

  /** A compressed form was added to {@code entry}: count it, and evict if over budget. */
  private synchronized void grew(Entry entry, int added) {
    if (entries.get(entry.key) == entry) {
      bytes += added;
      if (entry.bytes() * 8 > maxBytes) {
        entries.values().remove(entry);
        bytes -= entry.bytes();
      }
      evict();
    }
  }

  private void evict() {
    Iterator<Entry> eldest = entries.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().bytes();
      eldest.remove();
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
