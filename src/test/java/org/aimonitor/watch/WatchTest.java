package org.aimonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.aimonitor.Feedparser;
import org.aimonitor.TestApp;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.json.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on what a reader cited ({@code /figures/changes}): after a revision import through
 * the real importer, a list shows exactly its revised figures as revised (then, now, difference,
 * reason) and the others as unchanged; its feed reads in Rome and feedparser; citation files the
 * figure pages wrote come back as the list and its day; bad lists are 400s, never 500s.
 */
class WatchTest {

  static final String REASON = "Correction: CAICT errata of 1 Dec";
  static final String CITED = "2026-11-15";
  static TestApp app;
  static Path dir;
  /** Revised by the test's import. */
  static long scale2024;
  static long scale2022;
  /** Not touched by it. */
  static long scale2017;
  static long scale2020;
  /** Added by it: published after the cited day. */
  static long added;
  static String today = LocalDate.now().toString();

  @BeforeAll
  static void start(@TempDir Path tmp) {
    dir = tmp;
    app = TestApp.start(tmp);
    // The seed was imported on 1 Nov 2026, as a deployed site's was; the revision comes today.
    app.db().jdbi().useHandle(h -> {
      h.execute("UPDATE import_log SET imported_at = '2026-11-01T09:00:00.000Z' WHERE id = 1");
      h.execute("UPDATE observation SET recorded_at = '2026-11-01T09:00:00.000Z' WHERE import_id = 1");
    });
    scale2024 = id("2024", "xinhua-2025-10-01");
    scale2022 = id("2022", "anfangnews-2023-10-16");
    scale2017 = id("2017", "caixin-2017-07-21");
    scale2020 = id("2020", "cdstm-2022-07-27");
    String csv = "indicator,region,period,value,qualifier,source,headline,note\n"
        + row(scale2024, "950") + row(scale2022, "510.5")
        + "ai_core_industry_scale,CN,2025,1000,lower_bound,xinhua-2025-10-01,0,A test row published after the cited day\n";
    new Importer(app.db()).apply(List.of(new ImportFile("observations.csv",
        csv.getBytes(StandardCharsets.UTF_8))), "data team", REASON, c -> { });
    added = id("2025", "xinhua-2025-10-01");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static long id(String period, String source) {
    return app.db().jdbi().withHandle(h -> h.createQuery("""
        SELECT id FROM observation
        WHERE indicator = 'ai_core_industry_scale' AND region = 'CN' AND period = :p AND source = :s""")
        .bind("p", period).bind("s", source).mapTo(Long.class).one());
  }

  /** The figure's CSV row with a new value and its other cells as they are. */
  static String row(long id, String value) {
    Map<String, Object> r = app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT period, qualifier, source, headline, note FROM observation WHERE id = :id")
        .bind("id", id).mapToMap().one());
    return "ai_core_industry_scale,CN," + r.get("period") + "," + value + "," + r.get("qualifier") + ","
        + r.get("source") + "," + r.get("headline") + ",\"" + String.valueOf(r.get("note")).replace("\"", "\"\"") + "\"\n";
  }

  static String list(long... ids) {
    return LongStream.of(ids).sorted().mapToObj(String::valueOf).collect(Collectors.joining(","));
  }

  static String body(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  /** Each listed figure's status, by id, as the page's rows say it. */
  static Map<Long, String> statuses(Document page) {
    Map<Long, String> s = new TreeMap<>();
    for (Element tr : page.select("table.watch-table tbody tr")) {
      s.put(Long.valueOf(tr.attr("data-figure")), tr.attr("data-status"));
    }
    return s;
  }

  @Test
  void theWatchShowsExactlyTheRevisedFiguresOfAList() {
    String ids = list(scale2024, scale2022, scale2017, scale2020, added);
    Document page = Jsoup.parse(body("/figures/changes?ids=" + ids + "&since=" + CITED));
    Map<Long, String> s = statuses(page);
    assertEquals(Map.of(scale2024, "revised", scale2022, "revised", scale2017, "unchanged",
        scale2020, "unchanged", added, "new"), s);
    assertTrue(page.selectFirst(".watch-summary").text().contains("5 figures: 2 revised, 2 unchanged; 1 not yet published here then"),
        page.selectFirst(".watch-summary").text());
    Element revised = page.selectFirst("tr[data-figure=" + scale2024 + "]");
    List<String> cells = revised.select("td").eachText();
    assertEquals("> ¥900 billion (lower bound)", cells.get(0), "then, with its qualifier");
    assertEquals("> ¥950 billion (lower bound)", cells.get(1), "now");
    assertEquals("+¥50 billion (+5.6 %)", cells.get(2));
    assertEquals("revised", cells.get(3));
    assertTrue(cells.get(4).contains("> ¥900 billion (lower bound) → > ¥950 billion (lower bound)"), cells.get(4));
    assertTrue(cells.get(4).contains("import 2, " + REASON), cells.get(4));
    assertTrue(revised.selectFirst("th").text().contains("Unit: billion yuan"), revised.text());
    assertEquals("/figures/" + scale2024 + "?as_of=" + CITED, revised.select("td a").first().attr("href"),
        "the value then links the figure as it stood then");
    Element unchanged = page.selectFirst("tr[data-figure=" + scale2017 + "]");
    assertEquals("unchanged", unchanged.select("td").get(3).text());
    assertEquals("none", unchanged.select("td").get(4).text());
    assertEquals("not yet published here", page.selectFirst("tr[data-figure=" + added + "]").select("td").get(0).text());
    assertTrue(page.select("link[rel=alternate][type=application/atom+xml]").stream()
        .anyMatch(l -> l.attr("href").equals("/figures/changes.atom?ids=" + ids + "&since=" + CITED)));
  }

  @Test
  void withoutADayItComparesWithEachFigureAsFirstPublished() {
    Document page = Jsoup.parse(body("/figures/changes?ids=" + list(scale2024, scale2017)));
    assertEquals(Map.of(scale2024, "revised", scale2017, "unchanged"), statuses(page));
    // Cited today, after the revision: nothing has changed since.
    Document sinceToday = Jsoup.parse(body("/figures/changes?ids=" + list(scale2024, scale2017) + "&since=" + today));
    assertEquals(Map.of(scale2024, "unchanged", scale2017, "unchanged"), statuses(sinceToday));
  }

  @Test
  void theJsonTwinListsThemToo() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(body("/figures/changes.json?ids=" + list(scale2022, scale2020) + "&since=" + CITED));
    assertEquals(1, doc.get("revised").asInt());
    assertEquals(1, doc.get("unchanged").asInt());
    JsonNode first = doc.get("figures").get(0);
    assertEquals(scale2022 < scale2020 ? "revised" : "unchanged", first.get("status").asText());
    JsonNode revised = scale2022 < scale2020 ? first : doc.get("figures").get(1);
    assertEquals("508.0", revised.get("thenValue").asText());
    assertEquals("510.5", revised.get("nowValue").asText());
    assertEquals("reported", revised.get("nowQualifier").asText());
    assertEquals(REASON, revised.get("revisions").get(0).get("reason").asText());
    assertEquals(2, revised.get("revisions").get(0).get("importId").asInt());
  }

  @Test
  void aListInAnyOrderIsSentToItsSortedAddress() {
    HttpResponse<String> r = app.get("/figures/changes?ids=" + scale2020 + "%0D%0A" + scale2017 + ",,"
        + scale2020 + "&since=" + CITED);
    assertEquals(302, r.statusCode());
    assertEquals("/figures/changes?ids=" + list(scale2017, scale2020) + "&since=" + CITED,
        r.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> blankDay = app.get("/figures/changes?ids=" + list(scale2017, scale2020) + "&since=");
    assertEquals(302, blankDay.statusCode(), "an empty day from the form is dropped");
    assertEquals("/figures/changes?ids=" + list(scale2017, scale2020), blankDay.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> pasted = app.get("/figures/changes?ids=" + URLEncoder.encode(
        "http://example.org/figures/" + scale2017 + "?as_of=2026-11-20 " + scale2020, StandardCharsets.UTF_8));
    assertEquals("/figures/changes?ids=" + list(scale2017, scale2020), pasted.headers().firstValue("Location").orElseThrow(),
        "figure addresses pasted from citations are read as their ids");
  }

  @Test
  void twoHundredIdsAreAWatchAndTwoHundredAndOneAre400() {
    List<Long> all = app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM observation ORDER BY id LIMIT 201")
        .mapTo(Long.class).list());
    String twoHundred = all.subList(0, 200).stream().map(String::valueOf).collect(Collectors.joining(","));
    Document page = Jsoup.parse(body("/figures/changes?ids=" + twoHundred + "&since=" + CITED));
    assertEquals(200, statuses(page).size());
    String more = all.stream().map(String::valueOf).collect(Collectors.joining(","));
    HttpResponse<String> r = app.get("/figures/changes?ids=" + more);
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("The list has 201 figures; a watch holds at most 200."), r.body());
    HttpResponse<String> json = app.get("/figures/changes.json?ids=" + more);
    assertEquals(400, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(json.body().contains("at most 200"), json.body());
    assertEquals(400, app.get("/figures/changes.atom?ids=" + more).statusCode());
  }

  @Test
  void aListOf200CostsAsManyQueriesAsAListOf2() {
    List<Long> all = app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM observation ORDER BY id LIMIT 200")
        .mapTo(Long.class).list());
    String two = all.subList(0, 2).stream().map(String::valueOf).collect(Collectors.joining(","));
    String many = all.stream().map(String::valueOf).collect(Collectors.joining(","));
    // JSON twins: not in the page cache's way, and each read once (they differ by their list).
    assertEquals(statements("/figures/changes.json?ids=" + two + "&since=" + CITED),
        statements("/figures/changes.json?ids=" + many + "&since=" + CITED),
        "batched reads with the ids bound, never a query per id");
  }

  static int statements(String path) {
    java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    app.db().jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
      @Override
      public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext ctx) {
        count.incrementAndGet();
      }
    });
    try {
      body(path);
    } finally {
      app.db().jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() { });
    }
    assertTrue(count.get() > 0, "the logger saw the reads");
    return count.get();
  }

  @Test
  void hostileListsAre400sThatSaySoNever500s() {
    Map<String, String> said = new TreeMap<>();
    said.put("abc", "Not a figure id: abc");
    said.put("-1", "Not a figure id: -1");
    said.put("0", "Not a figure id: 0");
    said.put("1.5", "Not a figure id: 1.5");
    said.put("99999999999999999999999999", "Not a figure id: 99999999999999999999999999");
    said.put("9223372036854775807", "Not a figure id");
    said.put("999999999999999999", "No figure has the id 999999999999999999");
    said.put("1%3BDROP%20TABLE%20observation", "Not a figure id");
    said.put("%3Cscript%3E", "Not a figure id: &lt;script&gt;");
    said.put(",,,", "The list names no figure.");
    said.put("1e5", "Not a figure id: 1e5");
    said.put("%EF%BC%91", "Not a figure id");
    for (var e : said.entrySet()) {
      for (String path : List.of("/figures/changes", "/figures/changes.json", "/figures/changes.atom")) {
        HttpResponse<String> r = app.get(path + "?ids=" + e.getKey());
        assertEquals(400, r.statusCode(), path + " ids=" + e.getKey() + ": " + r.body());
        if (path.endsWith("changes")) {
          assertTrue(r.body().contains(e.getValue()), e.getKey() + ": " + r.body());
        }
      }
    }
    String many = Stream.generate(() -> "12345678901234567").limit(1000).collect(Collectors.joining(","));
    HttpResponse<String> tooLong = app.get("/figures/changes?ids=" + many);
    assertEquals(400, tooLong.statusCode(), "a list too long to read");
    assertTrue(tooLong.body().contains("The list is longer than 16 KB"), tooLong.body());
    // Longer than the server reads an address: its own refusal (414), still no trace.
    String huge = many + "," + many;
    assertEquals(414, app.get("/figures/changes?ids=" + huge).statusCode());
    for (String since : List.of("yesterday", "2100-01-01", "2026-10-31", "2026-02-30", "%00")) {
      HttpResponse<String> r = app.get("/figures/changes?ids=" + scale2017 + "&since=" + since);
      assertEquals(400, r.statusCode(), since + ": " + r.body());
    }
    assertEquals(400, app.get("/figures/changes?ids=" + scale2017 + "&ids=" + scale2020).statusCode(), "ids twice");
    HttpResponse<String> zh = app.get("/figures/changes?ids=abc&lang=zh");
    assertEquals(400, zh.statusCode());
    assertTrue(zh.body().contains("不是数据编号：“abc”"), zh.body());
  }

  @Test
  void theWatchFeedListsTheRevisionsWithReasonsForRomeAndFeedparser() throws Exception {
    String path = "/figures/changes.atom?ids=" + list(scale2024, scale2022, scale2017, added) + "&since=" + CITED;
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), r.body());
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed = input.build(new StringReader(r.body()));
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(2, feed.getEntries().size(), "the two revisions, not the unchanged or the new figure");
    Set<String> links = feed.getEntries().stream().map(SyndEntry::getLink).collect(Collectors.toSet());
    assertEquals(Set.of(app.url("/figures/" + scale2024), app.url("/figures/" + scale2022)), links);
    feed.getEntries().forEach(e -> assertTrue(e.getTitle().endsWith("(" + REASON + ")"), e.getTitle()));
    JsonNode parsed = Feedparser.parse(r.body());
    assertEquals("Revisions of 4 figures you cited", parsed.get("title").asText());
    assertEquals(2, parsed.get("entries").size());
    assertTrue(parsed.get("entries").get(0).get("content").asText().contains("Reason: " + REASON));
    // The same revision has the same id in the figure's own feed.
    String own = app.get("/figures/" + scale2024 + ".atom").body();
    String id = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/figures/" + scale2024))
        .findFirst().orElseThrow().getUri();
    assertTrue(own.contains("<id>" + id + "</id>"), own);
    JsonNode zh = Feedparser.parse(app.get(path + "&lang=zh").body());
    assertTrue(zh.get("title").asText().startsWith("您引用的4个数据的修订"), zh.toString());
  }

  @Test
  void aBibTeXFileFromFigurePagesComesBackAsTheListAndItsCitedDay() throws Exception {
    // Cited as the figures stood on the 15th: the files' addresses carry as_of.
    String bib = body("/figures/" + scale2024 + "/cite.bib?as_of=" + CITED)
        + body("/figures/" + scale2017 + "/cite.bib?as_of=2026-11-20")
        + body("/indicators/ai_core_industry_scale.json").substring(0, 0);
    long before = version();
    Set<Path> files = files();
    HttpResponse<String> r = upload("cited.bib", bib, null);
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/figures/changes?ids=" + list(scale2024, scale2017) + "&since=" + CITED,
        r.headers().firstValue("Location").orElseThrow(), "the earliest cited day counts");
    assertEquals(before, version(), "an upload changes no data");
    assertEquals(files, files(), "and writes no file beside the database");
    Document page = Jsoup.parse(body(r.headers().firstValue("Location").orElseThrow()));
    assertEquals(Map.of(scale2024, "revised", scale2017, "unchanged"), statuses(page));
  }

  @Test
  void risAndCslJsonFilesGiveTheirFiguresAndRetrievalDate() throws Exception {
    String ris = body("/figures/" + scale2022 + "/cite.ris") + body("/figures/" + scale2020 + "/cite.ris");
    HttpResponse<String> r = upload("cited.ris", ris, null);
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/figures/changes?ids=" + list(scale2022, scale2020) + "&since=" + today,
        r.headers().firstValue("Location").orElseThrow(), "the retrieval date (Y2) is the cited day");
    String csl = body("/figures/" + scale2022 + "/cite.csl.json");
    HttpResponse<String> c = upload("cited.json", csl, CITED);
    assertEquals("/figures/changes?ids=" + scale2022 + "&since=" + CITED,
        c.headers().firstValue("Location").orElseThrow(), "a day given in the form wins");
    HttpResponse<String> text = form("text=" + URLEncoder.encode(body("/figures/" + scale2022 + "/cite.gbt7714.txt?lang=zh"),
        StandardCharsets.UTF_8));
    assertEquals(303, text.statusCode(), text.body());
    assertEquals("/figures/changes?ids=" + scale2022 + "&since=" + today,
        text.headers().firstValue("Location").orElseThrow(), "GB/T 7714's 引用日期");
  }

  @Test
  void uploadsThatAreNotCitationsOrTooLargeAreRefused() throws Exception {
    HttpResponse<String> none = upload("x.bib", body("/indicators/ai_core_industry_scale").substring(0, 0)
        + "@misc{other, title={Another work}, url={https://example.org/}}\n", null);
    assertEquals(400, none.statusCode());
    assertTrue(none.body().contains("names no figure of this monitor"), none.body());
    HttpResponse<String> broken = upload("x.json", "[{\"URL\": ", null);
    assertEquals(400, broken.statusCode());
    assertTrue(broken.body().contains("could not be read"), broken.body());
    assertEquals(400, upload("empty.bib", "", null).statusCode());
    StringBuilder big = new StringBuilder();
    while (big.length() < 300 * 1024) {
      big.append("% padding padding padding padding padding padding padding padding\n");
    }
    HttpResponse<String> large = upload("big.bib", big.toString(), null);
    assertEquals(413, large.statusCode());
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 201; i++) {
      many.append("http://x/figures/").append(i).append('\n');
    }
    HttpResponse<String> tooMany = form("text=" + URLEncoder.encode(many.toString(), StandardCharsets.UTF_8));
    assertEquals(400, tooMany.statusCode());
    assertTrue(tooMany.body().contains("The list has 201 figures"), tooMany.body());
    HttpResponse<String> malformed = app.send(HttpRequest.newBuilder(URI.create(app.url("/figures/changes")))
        .header("Content-Type", "multipart/form-data; boundary=nothere")
        .POST(HttpRequest.BodyPublishers.ofString("--other\r\nContent-Disposition: form-data\r\n\r\nx")).build());
    assertEquals(400, malformed.statusCode(), malformed.body());
    HttpResponse<String> json = app.send(HttpRequest.newBuilder(URI.create(app.url("/figures/changes")))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(400, json.statusCode());
  }

  @Test
  void thePageReadsInChineseAndTheFormAloneIsAPage() {
    Document zh = Jsoup.parse(body("/figures/changes?ids=" + list(scale2024, scale2017) + "&since=" + CITED + "&lang=zh"));
    assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
    assertTrue(zh.selectFirst(".watch-summary").text().contains("共2个数据：1个已修订，1个未变"), zh.selectFirst(".watch-summary").text());
    assertTrue(zh.text().contains("已修订"));
    Document form = Jsoup.parse(body("/figures/changes"));
    assertTrue(form.select("table.watch-table").isEmpty());
    assertFalse(form.select("form[method=get] textarea[name=ids]").isEmpty());
    assertFalse(form.select("form[method=post][enctype=multipart/form-data] input[type=file][name=file]").isEmpty());
    Document figure = Jsoup.parse(body("/figures/" + scale2024));
    assertFalse(figure.select("a[href=/figures/changes?ids=" + scale2024 + "&since=" + today + "]").isEmpty(),
        "a figure's page offers the watch from the day it is cited");
    assertFalse(Jsoup.parse(body("/figures/" + scale2024 + "?as_of=" + CITED))
        .select("a[href=/figures/changes?ids=" + scale2024 + "&since=" + CITED + "]").isEmpty(),
        "and from a vintage's day");
  }

  static long version() {
    return app.db().jdbi().withHandle(h -> h.createQuery("PRAGMA data_version").mapTo(Long.class).one())
        + app.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM import_log").mapTo(Long.class).one()) * 1000;
  }

  static Set<Path> files() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm"))
          .collect(Collectors.toSet());
    }
  }

  static HttpResponse<String> upload(String name, String content, String since) {
    String boundary = "----watch-test-7d1f";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"since\"\r\n\r\n"
        + (since == null ? "" : since) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/figures/changes")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  static HttpResponse<String> form(String body) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/figures/changes")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
