package org.aimonitor.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import io.javalin.compression.Brotli;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brotli when its native library loads on this platform, gzip always. */
public final class Compression {

  private static final Logger LOG = LoggerFactory.getLogger(Compression.class);

  /** Whether the brotli native library loads on this platform. */
  static final boolean BROTLI = brotliLoads();

  private Compression() {
  }

  private static boolean brotliLoads() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      // A platform without the native library still gets gzip.
      LOG.info("Brotli is not available here ({}); compressing with gzip only", e.toString());
      return false;
    }
  }

  /** For responses Javalin writes itself (static files, uncached pages). */
  public static CompressionStrategy strategy() {
    return BROTLI ? new CompressionStrategy(new Brotli(4), new Gzip(6))
        : new CompressionStrategy(null, new Gzip(6));
  }

  /** Whether an {@code Accept-Encoding} header accepts {@code coding} (not with q=0). */
  static boolean accepts(String acceptEncoding, String coding) {
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      if (p[0].trim().equalsIgnoreCase(coding)) {
        return !(p.length > 1 && p[1].trim().matches("q=0(\\.0*)?"));
      }
    }
    return false;
  }

  static byte[] gzip(byte[] data) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length / 4 + 64);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out) {
      {
        def.setLevel(9);
      }
    }) {
      gz.write(data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Brotli at quality 11: slow, but a cached page is compressed once and served many times. */
  static byte[] brotli(byte[] data) {
    try {
      return com.aayushatharva.brotli4j.encoder.Encoder.compress(data,
          new com.aayushatharva.brotli4j.encoder.Encoder.Parameters().setQuality(11));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
