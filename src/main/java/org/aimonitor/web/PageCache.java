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
import java.util.LinkedHashMap;
import java.util.Map;
import org.aimonitor.i18n.Lang;
import org.aimonitor.store.Database;

/**
 * Pages change only when the data do, so a rendered page is kept per (path, query, language,
 * day, data version) and served again until an import moves the data version on. Responses
 * carry an ETag and Last-Modified, and conditional requests get 304 Not Modified.
 */
public final class PageCache {

  private static final int MAX_ENTRIES = 500;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  /**
   * A response as the handler produced it, with its compressed forms made once, on first
   * request: compressing an 80 KB page on every request would cost more than rendering it.
   */
  private static final class Entry {
    final long version;
    final String body;
    final Map<String, String> headers;
    final String etag;
    final String lastModified;
    private byte[] gzip;
    private byte[] brotli;

    Entry(long version, String body, Map<String, String> headers, String etag, String lastModified) {
      this.version = version;
      this.body = body;
      this.headers = headers;
      this.etag = etag;
      this.lastModified = lastModified;
    }

    synchronized byte[] gzip() {
      if (gzip == null) {
        gzip = Compression.gzip(body.getBytes(StandardCharsets.UTF_8));
      }
      return gzip;
    }

    synchronized byte[] brotli() {
      if (brotli == null) {
        brotli = Compression.brotli(body.getBytes(StandardCharsets.UTF_8));
      }
      return brotli;
    }
  }

  private final Database db;
  private final Object[] stripes = new Object[64];
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  public PageCache(Database db) {
    this.db = db;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /** The handler, with its successful text responses cached and made conditional. */
  public Handler wrap(Handler handler) {
    return ctx -> {
      Database.Version version = db.version();
      String key = key(ctx);
      Entry entry;
      // One render per page and version: requests that arrive while it renders wait for it
      // instead of all rendering (and compressing) the same page at once.
      synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
        entry = get(key);
        if (entry == null || entry.version != version.number()) {
          handler.handle(ctx);
          String body = ctx.result();
          if (ctx.status() != HttpStatus.OK || body == null) {
            return;
          }
          Map<String, String> headers = new LinkedHashMap<>();
          for (String name : ctx.res().getHeaderNames()) {
            headers.put(name, ctx.res().getHeader(name));
          }
          entry = new Entry(version.number(), body, headers,
              "W/\"" + version.number() + "-" + hash(body) + "\"", httpDate(version.changedAt()));
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
      if (Compression.BROTLI && accepts(accepted, "br")) {
        ctx.header(Header.CONTENT_ENCODING, "br").result(entry.brotli());
      } else if (accepts(accepted, "gzip")) {
        ctx.header(Header.CONTENT_ENCODING, "gzip").result(entry.gzip());
      } else {
        ctx.result(entry.body);
      }
    };
  }

  private static boolean accepts(String acceptEncoding, String coding) {
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      if (p[0].trim().equalsIgnoreCase(coding)) {
        return !(p.length > 1 && p[1].trim().matches("q=0(\\.0*)?"));
      }
    }
    return false;
  }

  /** Forgets every page, e.g. after an import in this process (the version check also catches it). */
  public synchronized void clear() {
    entries.clear();
  }

  private synchronized Entry get(String key) {
    return entries.get(key);
  }

  private synchronized void put(String key, Entry entry) {
    entries.put(key, entry);
  }

  private static String key(Context ctx) {
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    return ctx.path() + "?" + query
        + "|" + Lang.of(ctx).code()
        // Citations name the access date, so a page is not served across midnight.
        + "|" + LocalDate.now(ZoneOffset.UTC);
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

  private static String httpDate(String isoInstant) {
    Instant instant;
    try {
      instant = Instant.parse(isoInstant);
    } catch (DateTimeParseException e) {
      instant = Instant.EPOCH;
    }
    return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
  }

  private static String hash(String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
