package org.aimonitor.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import io.javalin.compression.Brotli;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brotli when its native library loads on this platform, gzip always. */
final class Compression {

  private static final Logger LOG = LoggerFactory.getLogger(Compression.class);

  private Compression() {
  }

  static CompressionStrategy strategy() {
    try {
      Brotli4jLoader.ensureAvailability();
      return new CompressionStrategy(new Brotli(4), new Gzip(6));
    } catch (Throwable e) {
      // A platform without the native library still gets gzip.
      LOG.info("Brotli is not available here ({}); compressing with gzip only", e.toString());
      return new CompressionStrategy(null, new Gzip(6));
    }
  }
}
