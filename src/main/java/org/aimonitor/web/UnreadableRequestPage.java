package org.aimonitor.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The page Jetty answers with when a request cannot reach the app at all: an address with a
 * broken percent-encoding ({@code /indicators/%}, {@code /%E4%B8}), a URI or headers too large.
 * Instead of Jetty's own ISO-8859-1 page that names "/badMessage", a short page in the site's
 * style, in the reader's language (cookie, then Accept-Language: the address itself is what
 * could not be read), with the same security headers as every other response. Never a stack trace.
 */
public final class UnreadableRequestPage extends ErrorHandler {

  public UnreadableRequestPage() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    if (onTheApi(request)) {
      // The API answers JSON whatever refused the request (issue 26): {"status", "message"}.
      HttpFields.Mutable headers = response.getHeaders();
      headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      headers.put(HttpHeader.CACHE_CONTROL, "no-store");
      SecurityHeaders.ALL.forEach(headers::put);
      response.setStatus(code);
      response.write(true, ByteBuffer.wrap(json(code).getBytes(StandardCharsets.UTF_8)), callback);
      return;
    }
    String cookie = Request.getCookies(request).stream()
        .filter(c -> c.getName().equals(Lang.PARAM))
        .map(HttpCookie::getValue)
        .findFirst().orElse(null);
    Lang lang = Lang.choose(cookie, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    SecurityHeaders.ALL.forEach(headers::put);
    response.setStatus(code);
    response.write(true, ByteBuffer.wrap(html(Text.of(lang), code).getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** For requests Jetty cannot even parse (no headers to read a language from): English. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    SecurityHeaders.ALL.forEach(fields::put);
    return ByteBuffer.wrap(html(Text.EN, status).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the refused request was for the API or a {@code .json} document, as far as it can be read. */
  private static boolean onTheApi(Request request) {
    try {
      String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
      if (path == null) {
        String target = String.valueOf(request.getHttpURI());
        int query = target.indexOf('?');
        path = query < 0 ? target : target.substring(0, query);
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
          int slash = path.indexOf('/', scheme + 3);
          path = slash < 0 ? "/" : path.substring(slash);
        }
      }
      return path.startsWith("/api/") || path.endsWith(".json");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The API's problem document, in English (docs/api.md). */
  static String json(int status) {
    String message = switch (status) {
      case 414 -> "The address is too long for this server.";
      case 431 -> "The request's headers are too large for this server.";
      case 413 -> "The request is larger than this server accepts.";
      default -> "The address or the headers of this request are malformed (for example a \"%\" not "
          + "followed by two hexadecimal digits) or too long.";
    };
    return "{\"status\":" + status + ",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
  }

  static String html(Text t, int status) {
    String title = t.t("error.unreadable.title");
    return "<!DOCTYPE html>\n<html lang=\"" + t.lang().htmlLang() + "\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(t.t("site.title", title)) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + escape(Assets.get().css()) + "\">\n"
        + "</head>\n<body>\n"
        + "<main id=\"main\" class=\"page error-page\">\n"
        + "<h1>" + escape(title) + "</h1>\n"
        + "<p class=\"error-status\">" + escape(t.t("error.status", status)) + "</p>\n"
        + "<p class=\"error-message\">" + escape(t.t("error.unreadable.message")) + "</p>\n"
        + "<p><a href=\"/\">" + escape(t.t("error.home")) + "</a></p>\n"
        + "</main>\n</body>\n</html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
