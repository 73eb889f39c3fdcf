package org.aimonitor.a11y;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.aimonitor.a11y.CheckedPages.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HTML page the app serves, fetched from the running app (the staff pages under /admin
 * in every state too), passes the W3C Nu HTML Checker without errors (warnings are printed, not
 * failed), and so do the stylesheet and the icon.
 * Charts are images with a name that says what they show and a pointer to their data table.
 * The checked files are kept in {@code target/a11y/html/}.
 */
class HtmlValidityTest {

  static final Path OUT = Path.of("target", "a11y", "html");

  /** A page with errors the checker must report: proof that a clean result means something. */
  static final String BROKEN_CONTROL = "broken-control.html";

  @TempDir
  static Path dir;
  static TestApp app;
  static List<Page> pages;
  static List<String> adminFiles = new ArrayList<>();
  static List<NuChecker.Message> messages;

  /** What each admin page must answer and its heading: proof the check saw the page meant. */
  static final java.util.Map<String, String> ADMIN_EXPECTED = java.util.Map.of(
      "admin-login", "200 Staff sign-in",
      "admin-login-refused", "401 Staff sign-in",
      "admin-import", "200 Import data",
      "admin-import-refused", "422 Import refused",
      "admin-import-preview", "200 Check the import",
      "admin-import-applied", "200 Import applied",
      "admin-imports", "200 Import log");

  @BeforeAll
  static void fetchAndCheckEveryPage() throws IOException {
    app = TestApp.start(dir, AdminPages.TOKEN);
    pages = CheckedPages.all(app);
    clean(OUT);
    Files.createDirectories(OUT);
    List<Path> files = new ArrayList<>();
    List<String> wrongStatus = new ArrayList<>();
    for (Page page : pages) {
      HttpResponse<String> r = app.get(page.path());
      if (r.statusCode() != page.status()) {
        wrongStatus.add(page.path() + " answered " + r.statusCode() + ", expected " + page.status());
      }
      files.add(Files.writeString(OUT.resolve(page.fileName()), r.body(), StandardCharsets.UTF_8));
    }
    List<AdminPages.Fetched> admins = new ArrayList<>(AdminPages.fetchAll(app));
    admins.addAll(AdminPages.fetchAll(app, "zh-CN"));
    for (AdminPages.Fetched admin : admins) {
      Document adminPage = Jsoup.parse(admin.html());
      String base = admin.name().replaceFirst("-zh$", "");
      String expected = ADMIN_EXPECTED.get(base);
      String seen = admin.status() + " " + adminPage.select("h1").text();
      if (!base.equals(admin.name())) {
        // The Chinese page of the same state: same status, in Chinese.
        expected = expected.split(" ")[0] + " zh-CN";
        seen = admin.status() + " " + adminPage.selectFirst("html").attr("lang");
      }
      if (!seen.equals(expected)) {
        wrongStatus.add(admin.name() + " answered " + seen + ", expected " + expected);
      }
      adminFiles.add(admin.name() + ".html");
      files.add(Files.writeString(OUT.resolve(admin.name() + ".html"), admin.html(), StandardCharsets.UTF_8));
    }
    // The page for an address Jetty cannot read (written by our error handler, not a template).
    for (String lang : List.of("en", "zh-CN")) {
      String response = app.raw("/%E4%B8", "Accept-Language: " + lang);
      String name = "unreadable-address-" + lang + ".html";
      if (!response.startsWith("HTTP/1.1 400") || !response.contains("<!DOCTYPE html>")) {
        wrongStatus.add(name + " answered " + response.lines().findFirst().orElse(""));
        continue;
      }
      adminFiles.add(name);
      files.add(Files.writeString(OUT.resolve(name), response.substring(response.indexOf("<!DOCTYPE")),
          StandardCharsets.UTF_8));
    }
    assertEquals(List.of(), wrongStatus, "pages that did not answer as expected");
    files.add(Files.copy(Path.of("web", "static", "css", "site.css"), OUT.resolve("site.css")));
    files.add(Files.copy(Path.of("web", "static", "favicon.svg"), OUT.resolve("favicon.svg")));
    String overview = Files.readString(OUT.resolve(pages.get(0).fileName()));
    files.add(Files.writeString(OUT.resolve(BROKEN_CONTROL), overview
        .replace("</main>", "<div id=\"main\"><img src=\"x.png\"></div></main>"),
        StandardCharsets.UTF_8));
    messages = NuChecker.check(files);
    messages.stream().filter(m -> !m.isError() && !m.file().equals(BROKEN_CONTROL))
        .forEach(m -> System.out.println("Nu HTML Checker " + m));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static Stream<String> checkedFiles() {
    return Stream.of(pages.stream().map(Page::fileName), adminFiles.stream(),
        Stream.of("site.css", "favicon.svg")).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkedFiles")
  void passesTheNuHtmlCheckerWithoutErrors(String file) {
    List<String> errors = messages.stream()
        .filter(m -> m.file().equals(file) && m.isError())
        .filter(m -> !containerQuery(m))
        .map(NuChecker.Message::toString)
        .toList();
    assertEquals("", String.join("\n", errors), "Nu HTML Checker errors in " + OUT.resolve(file));
  }

  /**
   * The checker's CSS validator predates CSS container queries (Baseline in every browser since
   * 2023; phones' table layout uses them): exactly those two messages are not errors of ours.
   * Every other CSS error still fails.
   */
  static boolean containerQuery(NuChecker.Message m) {
    return m.file().endsWith(".css")
        && (m.text().contains("Property \u201ccontainer-type\u201d doesn't exist")
            || m.text().contains("Unrecognized at-rule \u201c@container\u201d"));
  }

  @Test
  void checkerReportsTheErrorsOfABrokenPage() {
    String found = messages.stream()
        .filter(m -> m.file().equals(BROKEN_CONTROL) && m.isError())
        .map(m -> m.text().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("\n"));
    assertAll(
        () -> assertTrue(found.contains("duplicate id"), "duplicate id not reported: " + found),
        () -> assertTrue(found.contains("alt"), "image without alt not reported: " + found));
  }

  static Stream<Page> pagesWithCharts() {
    return pages.stream().filter(p -> p.status() == 200 && document(p).selectFirst("canvas") != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagesWithCharts")
  void everyChartIsAnImageNamedForWhatItShowsAndPointsToItsDataTable(Page page) {
    Document doc = document(page);
    List<String> problems = new ArrayList<>();
    for (Element canvas : doc.select("canvas")) {
      String id = canvas.id();
      Element figure = canvas.closest("figure");
      String title = figure == null ? "" : figure.select(".chart__caption h3").text();
      String label = canvas.attr("aria-label");
      if (!canvas.attr("role").equals("img")) {
        problems.add(id + ": role is \"" + canvas.attr("role") + "\", not img");
      }
      if (title.isEmpty() || !label.startsWith(title) || label.length() < title.length() + 20) {
        problems.add(id + ": aria-label \"" + label + "\" does not describe the chart \"" + title + "\"");
      }
      Element described = doc.getElementById(canvas.attr("aria-describedby"));
      Element table = described == null ? null : described.closest("table");
      if (table == null || table.select("tbody tr").isEmpty()
          || figure == null || !figure.equals(table.closest("figure"))) {
        problems.add(id + ": aria-describedby \"" + canvas.attr("aria-describedby")
            + "\" does not name the caption of this chart's data table");
      }
    }
    assertFalse(doc.select("canvas").isEmpty());
    assertEquals(List.of(), problems, "charts on " + page);
  }

  private static Document document(Page page) {
    try {
      return Jsoup.parse(Files.readString(OUT.resolve(page.fileName())), app.url(page.path()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void clean(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
