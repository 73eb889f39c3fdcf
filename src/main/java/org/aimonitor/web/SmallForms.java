package org.aimonitor.web;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The bound on public forms (the "new since" switch, the admin sign-in): a few fields of text,
 * posted as {@code application/x-www-form-urlencoded}. A body over {@link #LIMIT} is refused with
 * 413 before it is parsed, any other kind of body (a multipart one of any size) with 400, so a
 * stranger's 5 MB field costs neither memory nor a stack trace (issue 26: it answered 500).
 */
public final class SmallForms {

  /** The most bytes a public form's body may have. */
  public static final int LIMIT = 16 * 1024;

  private SmallForms() {
  }

  /** A before-handler for the public form routes. */
  public static void bounded(Context ctx) {
    if (!ctx.method().name().equals("POST")) {
      return;
    }
    String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    long declared = ctx.req().getContentLengthLong();
    if (declared > LIMIT) {
      ctx.header("Connection", "close");
      throw HttpProblem.of(413, "error.413.title", "error.form-too-large", LIMIT / 1024);
    }
    if (declared != 0 && !type.startsWith("application/x-www-form-urlencoded")) {
      throw HttpProblem.of(400, "error.400.title", "error.form-type");
    }
    if (declared < 0 && ctx.bodyAsBytes().length > LIMIT) {
      // A chunked body has no declared length: read it (within the server's request limit) and count.
      throw HttpProblem.of(413, "error.413.title", "error.form-too-large", LIMIT / 1024);
    }
  }

  /** The most bytes a citation file uploaded to the watch may have (a list of 200 entries fits). */
  public static final int UPLOAD_LIMIT = 256 * 1024;

  /**
   * A before-handler for the public upload of a citation file ({@code POST /figures/changes}):
   * a form, plain or multipart, of at most {@link #UPLOAD_LIMIT} bytes, its length declared
   * (what browsers do), so the bound holds before a byte is parsed; multipart parts within it
   * stay in memory (the server's in-memory limit is larger), nothing is written to disk.
   */
  public static void boundedUpload(Context ctx) {
    if (!ctx.method().name().equals("POST")) {
      return;
    }
    String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    long declared = ctx.req().getContentLengthLong();
    if (declared > UPLOAD_LIMIT) {
      ctx.header("Connection", "close");
      throw HttpProblem.of(413, "error.413.title", "error.form-too-large", UPLOAD_LIMIT / 1024);
    }
    if (declared < 0) {
      ctx.header("Connection", "close");
      throw HttpProblem.of(411, "error.400.title", "error.upload-length");
    }
    if (declared != 0 && !type.startsWith("application/x-www-form-urlencoded")
        && !type.startsWith("multipart/form-data")) {
      throw HttpProblem.of(400, "error.400.title", "error.upload-type");
    }
  }
}
