package org.aimonitor.metrics;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Locale;
import org.aimonitor.web.PageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AIM_ACCESS_LOG}: one line per request on the logger {@code org.aimonitor.access}:
 * time, method, route template, status, bytes sent, duration and how the page cache answered.
 * Nothing a reader sent beyond the method: no path values, no query string (which may carry
 * what a reader typed), no cookie, no address.
 */
public final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("org.aimonitor.access");

  /** The line for one request; {@code bytes} -1 when unknown. */
  static String line(Instant at, String method, String route, int status, long bytes,
      float millis, String cache) {
    return String.format(Locale.ROOT, "%s %s %s %d %s %.1fms cache=%s", at, method, route, status,
        bytes < 0 ? "-" : Long.toString(bytes), millis, cache == null ? "-" : cache);
  }

  /** Logs the request {@code ctx} answered in {@code millis}. */
  public void log(Context ctx, float millis) {
    LOG.info(line(Instant.now(), RequestRoute.method(ctx), RequestRoute.of(ctx),
        ctx.statusCode(), BytesSent.of(ctx), millis, PageCache.outcome(ctx)));
  }
}
