package org.aimonitor.a11y;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.TestData;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;

/**
 * The staff pages under /admin in every state a member of staff sees, fetched over HTTP as a
 * browser would (session cookie, CSRF token, multipart upload): sign-in (empty and after a wrong
 * token), the upload form, the import log, and the report of an upload refused, previewed and
 * applied. The app must run with {@link #TOKEN} as its admin token.
 */
public final class AdminPages {

  public static final String TOKEN = "a11y-test-admin-token-0123456789";

  /** A valid upload: one new observation (the seed has none for 2019). */
  public static final String GOOD_CSV = TestData.OBSERVATIONS_HEADER
      + "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n";

  /** An upload with errors located by file, line and column. */
  public static final String BAD_CSV = TestData.OBSERVATIONS_HEADER
      + "ai_core_industry_scale,CN,2019,12.5x,reported,ecns-2026-03-05,1,\n";

  /** A fetched page: a name for its file, its status, the HTML. */
  public record Fetched(String name, int status, String html) {
  }

  private static final String BOUNDARY = "----aim-a11y-boundary";

  private AdminPages() {
  }

  /** Every admin page state, in the order a member of staff meets them. */
  public static List<Fetched> fetchAll(TestApp app) {
    return fetchAll(app, null);
  }

  /**
   * Every admin page state asked for with {@code Accept-Language: acceptLanguage} (null: none);
   * with a language, the file names end in "-" and its primary tag ("admin-login-zh").
   */
  public static List<Fetched> fetchAll(TestApp app, String acceptLanguage) {
    List<Fetched> pages = fetchAllIn(new Asker(app, acceptLanguage));
    if (acceptLanguage == null) {
      return pages;
    }
    String suffix = "-" + acceptLanguage.split("-")[0];
    return pages.stream().map(f -> new Fetched(f.name() + suffix, f.status(), f.html())).toList();
  }

  /** The app, and the language every request asks for. */
  private record Asker(TestApp app, String acceptLanguage) {
    HttpResponse<String> send(HttpRequest request) {
      return app.send(request);
    }

    String url(String path) {
      return app.url(path);
    }
  }

  private static List<Fetched> fetchAllIn(Asker app) {
    List<Fetched> pages = new ArrayList<>();
    pages.add(fetched("admin-login", send(app, get(app, "/admin/login", null))));
    pages.add(fetched("admin-login-refused", send(app, form(app, "/admin/login", null,
        "token=" + URLEncoder.encode("wrong-token", StandardCharsets.UTF_8)))));
    HttpResponse<String> login = send(app, form(app, "/admin/login", null,
        "token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)));
    String setCookie = login.headers().firstValue("Set-Cookie")
        .orElseThrow(() -> new AssertionError("signing in set no cookie: " + login.statusCode()));
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    HttpResponse<String> upload = send(app, get(app, "/admin/import", cookie));
    pages.add(fetched("admin-import", upload));
    String csrf = Jsoup.parse(upload.body()).selectFirst("input[name=csrf]").val();
    pages.add(fetched("admin-import-refused", send(app, multipart(app, cookie, csrf, "observations-bad.csv", BAD_CSV))));
    // A second round (another language) on the same app changes the row the first one added.
    String csv = app.acceptLanguage() == null ? GOOD_CSV : GOOD_CSV.replace(",12.5,", ",12.6,");
    HttpResponse<String> preview = send(app, multipart(app, cookie, csrf, "observations-2019.csv", csv));
    pages.add(fetched("admin-import-preview", preview));
    String previewId = Jsoup.parse(preview.body()).selectFirst("input[name=preview]").val();
    pages.add(fetched("admin-import-applied", send(app, form(app, "/admin/import/apply", cookie,
        "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
            + "&preview=" + URLEncoder.encode(previewId, StandardCharsets.UTF_8)))));
    pages.add(fetched("admin-imports", send(app, get(app, "/admin/imports", cookie))));
    return pages;
  }

  private static Fetched fetched(String name, HttpResponse<String> r) {
    return new Fetched(name, r.statusCode(), r.body());
  }

  private static HttpRequest.Builder request(Asker app, String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)));
    if (app.acceptLanguage() != null) {
      b.header("Accept-Language", app.acceptLanguage());
    }
    return cookie == null ? b : b.header("Cookie", cookie);
  }

  private static HttpRequest get(Asker app, String path, String cookie) {
    return request(app, path, cookie).GET().build();
  }

  private static HttpRequest form(Asker app, String path, String cookie, String body) {
    return request(app, path, cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpRequest multipart(Asker app, String cookie, String csrf, String fileName,
      String csv) {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
    return request(app, "/admin/import/preview", cookie)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpResponse<String> send(Asker app, HttpRequest request) {
    return app.send(request);
  }
}
