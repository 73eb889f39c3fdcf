package org.aimonitor.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aimonitor.Feedparser;
import org.aimonitor.TestApp;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.json.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure's revisions say which import made them and why: on its page, in its JSON twin and in
 * its own Atom feed ({@code /figures/{id}.atom}), read by Rome and by Debian's feedparser.
 */
class FigureRevisionReasonsTest {

  static final String REASON = "Correction: CAICT's revised <white paper> & errata";
  static TestApp app;
  static long revised;
  static long untouched;

  @BeforeAll
  static void start(@TempDir Path dir) {
    app = TestApp.start(dir);
    revised = id("ai_core_industry_scale", "CN", "2024", "xinhua-2025-10-01");
    untouched = id("ai_core_industry_scale", "CN", "2020", null);
    String note = app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT note FROM observation WHERE id = :id").bind("id", revised).mapTo(String.class).one());
    String csv = "indicator,region,period,value,qualifier,source,headline,note\n"
        + "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,\""
        + note.replace("\"", "\"\"") + "\"\n";
    new Importer(app.db()).apply(List.of(new ImportFile("observations.csv",
        csv.getBytes(StandardCharsets.UTF_8))), "data team", REASON, c -> { });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static long id(String indicator, String region, String period, String source) {
    return app.db().jdbi().withHandle(h -> h.createQuery("""
        SELECT id FROM observation
        WHERE indicator = :i AND region = :r AND period = :p AND (:s IS NULL OR source = :s)
        ORDER BY id LIMIT 1""")
        .bind("i", indicator).bind("r", region).bind("p", period).bind("s", source)
        .mapTo(Long.class).one());
  }

  static String body(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  @Test
  void aRevisionRowNamesItsImportAndTheReasonItGave() {
    Document page = Jsoup.parse(body("/figures/" + revised));
    var row = page.selectFirst("table.revisions tbody tr");
    assertTrue(row.text().contains("import 2"), row.text());
    assertTrue(row.text().contains(REASON), row.text());
    var zh = Jsoup.parse(body("/figures/" + revised + "?lang=zh")).selectFirst("table.revisions tbody tr");
    assertTrue(zh.text().contains("第2次导入"), zh.text());
    assertTrue(zh.text().contains(REASON), zh.text());
  }

  @Test
  void theJsonTwinCarriesEachStatesImportReason() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(body("/figures/" + revised + ".json"));
    JsonNode states = doc.get("states");
    assertEquals(2, states.size());
    assertEquals(REASON, states.get(0).get("replacedReason").asText());
    assertEquals(2, states.get(0).get("replacedByImport").asLong());
    assertEquals(REASON, states.get(1).get("importReason").asText());
    assertTrue(states.get(0).get("importReason").isNull(), "the seed gave no reason");
    assertEquals("/figures/" + revised + ".atom", doc.get("feed").asText());
  }

  @Test
  void thePageOffersItsFeedAsAnAlternate() {
    Document page = Jsoup.parse(body("/figures/" + revised));
    assertTrue(page.select("link[rel=alternate][type=application/atom+xml]").stream()
        .anyMatch(l -> l.attr("href").equals("/figures/" + revised + ".atom")), page.head().html());
    Document zh = Jsoup.parse(body("/figures/" + revised + "?lang=zh"));
    assertTrue(zh.select("link[rel=alternate][type=application/atom+xml]").stream()
        .anyMatch(l -> l.attr("href").equals("/figures/" + revised + ".atom?lang=zh")));
  }

  @Test
  void theFiguresFeedListsItsRevisionWithTheReasonForRomeAndFeedparser() throws Exception {
    HttpResponse<String> r = app.get("/figures/" + revised + ".atom");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed = input.build(new StringReader(r.body()));
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(2, feed.getEntries().size(), "first publication and one revision");
    SyndEntry newest = feed.getEntries().get(0);
    assertEquals("Revised: > ¥900 billion (lower bound) → > ¥950 billion (lower bound) (" + REASON + ")",
        newest.getTitle());
    assertEquals(app.url("/updates/2"), newest.getLink());
    assertTrue(feed.getEntries().get(1).getTitle().startsWith("First published here: > ¥900 billion"));

    JsonNode parsed = Feedparser.parse(r.body());
    assertEquals("Revisions of AI core industry scale, China (mainland), 2024", parsed.get("title").asText());
    JsonNode entry = parsed.get("entries").get(0);
    assertTrue(entry.get("title").asText().contains(REASON), entry.toString());
    // Escaped once in the XHTML content: the reason's words never become markup.
    assertTrue(entry.get("content").asText().contains("<p>Reason: Correction: CAICT's revised"
        + " &lt;white paper&gt; &amp; errata</p>"), entry.toString());
    assertEquals(newest.getUri(), entry.get("id").asText(), "both parsers read one id");
  }

  @Test
  void anUnrevisedFiguresFeedHasItsFirstPublicationOnly() throws Exception {
    HttpResponse<String> r = app.get("/figures/" + untouched + ".atom?lang=zh");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode parsed = Feedparser.parse(r.body());
    assertEquals(1, parsed.get("entries").size());
    assertTrue(parsed.get("entries").get(0).get("title").asText().startsWith("首次在本站发布"));
  }

  @Test
  void feedsOfUnknownFiguresOrWithAVintageAreRefused() {
    assertEquals(404, app.get("/figures/99999999.atom").statusCode());
    assertEquals(404, app.get("/figures/abc.atom").statusCode());
    assertEquals(400, app.get("/figures/" + revised + ".atom?as_of=2026-01-01").statusCode());
  }
}
