package org.aimonitor.web;

/**
 * A request the app refuses with a status and a message meant for the user: thrown by handlers,
 * answered by {@link App} as an error page, or as JSON on API and {@code .json} routes.
 */
public final class HttpProblem extends RuntimeException {

  private final int status;
  private final String title;

  public HttpProblem(int status, String title, String message) {
    super(message, null, false, false);
    this.status = status;
    this.title = title;
  }

  public static HttpProblem badRequest(String message) {
    return new HttpProblem(400, "Bad request", message);
  }

  public static HttpProblem notFound(String message) {
    return new HttpProblem(404, "Not found", message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
