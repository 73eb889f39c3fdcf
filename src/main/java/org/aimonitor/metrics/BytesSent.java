package org.aimonitor.metrics;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Response;

/** The bytes of body a response has sent (after compression), as Jetty counted them. */
final class BytesSent {

  private BytesSent() {
  }

  /** -1 when Jetty cannot say. */
  static long of(Context ctx) {
    try {
      ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
      return request == null ? -1 : Response.getContentBytesWritten(request.getServletContextResponse());
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
