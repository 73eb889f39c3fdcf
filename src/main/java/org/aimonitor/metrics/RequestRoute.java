package org.aimonitor.metrics;

import io.javalin.http.Context;
import java.util.Set;

/**
 * What a request is called in metrics and the access log: its method and the route template it
 * matched ({@code /indicators/{code}}), never the path or query it was sent with, so the names
 * are as few as the routes whatever clients send.
 */
final class RequestRoute {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
      "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private RequestRoute() {
  }

  /** The route template; {@code NOT_FOUND} when no route matched (any 404 of an unknown path). */
  static String of(Context ctx) {
    try {
      String path = ctx.endpoint().path;
      if (path == null || path.isEmpty() || path.equals("*")) {
        return "NOT_FOUND";
      }
      return path;
    } catch (RuntimeException e) {
      return "NOT_FOUND";
    }
  }

  /** The method, or {@code OTHER} for one HTTP does not define (a client can send anything). */
  static String method(Context ctx) {
    String m = ctx.req().getMethod();
    return m != null && METHODS.contains(m) ? m : "OTHER";
  }
}
