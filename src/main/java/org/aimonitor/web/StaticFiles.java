package org.aimonitor.web;

import io.javalin.http.Context;
import io.javalin.http.ContentType;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Serves files from one folder of the class path: our own ({@code /static/…} from
 * {@code web/static}) and Chart.js's webjar ({@code /webjars/…}).
 *
 * <p>Javalin's static-file handler serves them through Jetty, which opens the whole jar as a zip
 * file system, twice per folder, and keeps it open: about 80,000 index entries (20 MB of heap)
 * for a dozen files, and 0.3 s of every start (measured with {@code -Xlog:class+load} and a heap
 * histogram on 2026-12-02). Here a file is read through the class loader, which already has the
 * jar open, on its first request, and kept with its compressed forms and a content hash:
 * {@code ETag}, {@code 304 Not Modified}, brotli or gzip as the request accepts, and the
 * year-long {@code immutable} caching that versioned addresses allow (pages link our files with
 * {@code ?v=HASH}, see {@link Assets}; a webjar's path names its version).
 *
 * <p>Only plain names are looked up (letters, digits, {@code . _ -} in segments, never
 * {@code .} or {@code ..}), so no request leaves its folder, and folders are not files. Files
 * above {@link #MAX_KEPT_BYTES} (Chart.js's source maps) and any beyond the memory budget are
 * read again on each request and compressed by Javalin, not kept.
 */
public final class StaticFiles {

  /** Files up to this size are kept in memory with their compressed forms. */
  static final int MAX_KEPT_BYTES = 512 * 1024;
  /** At most this many bytes (files and compressed forms) are kept in all. */
  static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
  private static final Pattern SAFE =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
  private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
  private static final Map<String, String> TYPES = Map.of(
      "css", ContentType.TEXT_CSS.getMimeType() + "; charset=utf-8",
      "js", ContentType.TEXT_JS.getMimeType() + "; charset=utf-8",
      "mjs", ContentType.TEXT_JS.getMimeType() + "; charset=utf-8",
      "cjs", ContentType.TEXT_JS.getMimeType() + "; charset=utf-8",
      "map", ContentType.APPLICATION_JSON.getMimeType(),
      "json", ContentType.APPLICATION_JSON.getMimeType(),
      "svg", ContentType.IMAGE_SVG.getMimeType(),
      "png", ContentType.IMAGE_PNG.getMimeType(),
      "txt", ContentType.TEXT_PLAIN.getMimeType() + "; charset=utf-8",
      "md", ContentType.TEXT_PLAIN.getMimeType() + "; charset=utf-8");

  private final String folder;
  private final ClassLoader loader;
  private final Map<String, Entry> kept = new ConcurrentHashMap<>();
  private final AtomicLong keptBytes = new AtomicLong();

  /** A file as served: its bytes, compressed forms made on first use, and its tag. */
  static final class Entry {
    final byte[] body;
    final String type;
    final String etag;
    /** Whether it is held in memory (and so worth compressing once); set before it is shared. */
    boolean kept;
    private byte[] gzip;
    private byte[] brotli;

    Entry(byte[] body, String type) {
      this.body = body;
      this.type = type;
      this.etag = "\"" + sha256(body).substring(0, 24) + "\"";
    }

    synchronized byte[] gzip() {
      if (gzip == null) {
        gzip = Compression.gzip(body);
      }
      return gzip;
    }

    synchronized byte[] brotli() {
      if (brotli == null) {
        brotli = Compression.brotli(body);
      }
      return brotli;
    }
  }

  /** Files under {@code folder} (a class-path folder without slashes at either end). */
  public StaticFiles(String folder) {
    this(folder, StaticFiles.class.getClassLoader());
  }

  StaticFiles(String folder, ClassLoader loader) {
    this.folder = folder;
    this.loader = loader;
  }

  /**
   * Answers a request for {@code name} (the path below the route's prefix, as the route
   * captured it): the file, 304 when the client's copy is current, 404 otherwise.
   */
  public void serve(Context ctx, String name) {
    Entry file = find(name);
    if (file == null) {
      throw HttpProblem.of(404, "error.404.title", "error.404.message");
    }
    ctx.header(Header.CACHE_CONTROL, CACHE_FOREVER);
    ctx.header(Header.ETAG, file.etag);
    ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
    ctx.contentType(file.type);
    if (file.etag.equals(ctx.header(Header.IF_NONE_MATCH))) {
      ctx.status(HttpStatus.NOT_MODIFIED).result("");
      return;
    }
    String accepted = String.valueOf(ctx.header(Header.ACCEPT_ENCODING));
    if (!file.kept || !compressible(file.type)) {
      // Javalin compresses what it writes itself, as for any other response.
      ctx.result(file.body);
    } else if (Compression.BROTLI && Compression.accepts(accepted, "br")) {
      ctx.header(Header.CONTENT_ENCODING, "br").result(file.brotli());
    } else if (Compression.accepts(accepted, "gzip")) {
      ctx.header(Header.CONTENT_ENCODING, "gzip").result(file.gzip());
    } else {
      ctx.result(file.body);
    }
  }

  private static boolean compressible(String type) {
    return !type.startsWith("image/png");
  }

  /** The file called {@code name}, or null when there is none (or the name is not plain). */
  Entry find(String name) {
    if (name == null) {
      return null;
    }
    Entry file = kept.get(name);
    if (file != null) {
      return file;
    }
    // Every segment starts with a letter, digit, _ or -: never "." or "..".
    if (!SAFE.matcher(name).matches()) {
      return null;
    }
    String type = TYPES.get(extension(name));
    if (type == null) {
      return null;
    }
    byte[] body = read(folder + "/" + name);
    if (body == null) {
      return null;
    }
    file = new Entry(body, type);
    // Kept with room for both compressed forms (at most the file's size each, in practice less).
    long cost = 3L * body.length;
    if (body.length > MAX_KEPT_BYTES || !reserve(cost)) {
      return file;
    }
    file.kept = true;
    Entry earlier = kept.putIfAbsent(name, file);
    if (earlier != null) {
      keptBytes.addAndGet(-cost);
      return earlier;
    }
    return file;
  }

  /** Takes {@code cost} bytes of the memory budget, if that many are left. */
  private boolean reserve(long cost) {
    if (keptBytes.addAndGet(cost) <= MAX_TOTAL_BYTES) {
      return true;
    }
    keptBytes.addAndGet(-cost);
    return false;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The bytes of the regular file at {@code resource}; null when missing or a folder. */
  private byte[] read(String resource) {
    URL url = loader.getResource(resource);
    if (url == null) {
      return null;
    }
    try {
      switch (url.getProtocol()) {
        case "file" -> {
          Path path = Path.of(url.toURI());
          return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
        }
        case "jar" -> {
          URLConnection connection = url.openConnection();
          if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
            return null;
          }
          try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
          }
        }
        default -> {
          return null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The SHA-256 of {@code data}, in hex. */
  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
