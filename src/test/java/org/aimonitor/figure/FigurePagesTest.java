package org.aimonitor.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.aimonitor.json.Json;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A figure's own page ({@code /figures/{id}}): its address survives a revision, its vintages show
 * what it said then, and its citation files parse with real readers and carry the qualifier.
 */
class FigurePagesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.own();
  /** CAICT's 2024 national scale, "more than ¥900 billion" (xinhua-2025-10-01). */
  static long lowerBound;
  static String today = LocalDate.now().toString();

  @BeforeAll
  static void start() {
    lowerBound = id("ai_core_industry_scale", "CN", "2024", "xinhua-2025-10-01");
    // The seed was imported on 1 Nov 2026 (as a deployed site's was); today an import revises
    // the figure, so the day between shows the seed's value.
    app.db().jdbi().useHandle(h -> {
      h.execute("UPDATE import_log SET imported_at = '2026-11-01T09:00:00.000Z' WHERE id = 1");
      h.execute("UPDATE observation SET recorded_at = '2026-11-01T09:00:00.000Z' WHERE import_id = 1");
    });
    String row = app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT note FROM observation WHERE id = :id").bind("id", lowerBound).mapTo(String.class).one());
    TestData.importCsv(app.db(), "observations.csv", TestData.OBSERVATIONS_HEADER
        + "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,\"" + row.replace("\"", "\"\"") + "\"\n");
  }

  static long id(String indicator, String region, String period, String source) {
    return app.db().jdbi().withHandle(h -> h.createQuery("""
        SELECT id FROM observation
        WHERE indicator = :i AND region = :r AND period = :p AND source = :s""")
        .bind("i", indicator).bind("r", region).bind("p", period).bind("s", source)
        .mapTo(Long.class).one());
  }

  static String body(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  @Test
  void aRevisionKeepsTheFiguresAddressAndShowsBeforeAndAfter() {
    assertEquals(lowerBound, id("ai_core_industry_scale", "CN", "2024", "xinhua-2025-10-01"));
    String page = body("/figures/" + lowerBound);
    assertTrue(page.contains("&gt; ¥950 billion"), page);
    assertTrue(page.contains("lower bound"));
    assertTrue(page.contains("billion yuan"));
    assertTrue(page.contains("https://") || page.contains("http://en.people.cn"), "the source's link");
    assertTrue(page.contains("First published here: &gt; ¥900 billion (lower bound), 1 Nov 2026 (import 1)."), page);
    assertTrue(page.contains("&gt; ¥900 billion (lower bound)</td><td>&gt; ¥950 billion (lower bound)"), page);
    assertTrue(page.contains("href=\"/indicators/ai_core_industry_scale?region=CN#fig-" + lowerBound + "\""));
  }

  @Test
  void everyFigureOfAnIndicatorPageLinksItsOwnPageFromItsRow() {
    String page = body("/indicators/ai_core_industry_scale?region=CN");
    assertTrue(page.contains("id=\"fig-" + lowerBound + "\""), "the row is the anchor the figure page links");
    assertTrue(page.contains("<a href=\"/figures/" + lowerBound + "\">&gt; ¥950 billion</a>"), page);
  }

  @Test
  void asOfADayBeforeTheRevisionGivesTheOldValueAndTodayTheNew() {
    String then = body("/figures/" + lowerBound + "?as_of=2026-11-15");
    assertTrue(then.contains("As it stood at the end of 15 Nov 2026; it has been revised since."), then);
    assertTrue(then.contains("<strong>&gt; ¥900 billion</strong>"), then);
    String now = body("/figures/" + lowerBound + "?as_of=" + today);
    assertTrue(now.contains("<strong>&gt; ¥950 billion</strong>"), now);
    JsonNode json = read(body("/figures/" + lowerBound + ".json?as_of=2026-11-15"));
    assertEquals("900", json.get("value").asText());
    assertEquals("lower_bound", json.get("qualifier").asText());
    assertEquals(2, json.get("states").size());
    assertEquals("950", read(body("/figures/" + lowerBound + ".json")).get("value").asText());
  }

  @Test
  void vintageFirstGivesTheFirstPublishedValue() {
    JsonNode first = read(body("/figures/" + lowerBound + ".json?vintage=first"));
    assertEquals("900", first.get("value").asText());
    assertTrue(body("/figures/" + lowerBound + "?vintage=first").contains("As first published here"));
  }

  @Test
  void badVintagesAndUnknownFiguresAreRefusedWithASentence() {
    assertEquals(400, app.get("/figures/" + lowerBound + "?as_of=2100-01-01").statusCode());
    assertEquals(400, app.get("/figures/" + lowerBound + "?as_of=2026-10-31").statusCode());
    assertEquals(400, app.get("/figures/" + lowerBound + "?as_of=yesterday").statusCode());
    assertEquals(400, app.get("/figures/" + lowerBound + "?vintage=last").statusCode());
    assertEquals(400, app.get("/figures/" + lowerBound + "?vintage=first&as_of=" + today).statusCode());
    HttpResponse<String> missing = app.get("/figures/99999999");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("There is no figure"), missing.body());
    assertEquals(404, app.get("/figures/abc").statusCode());
    assertEquals(404, app.get("/figures/" + lowerBound + "/cite.doc").statusCode());
  }

  @Test
  void theBibTeXFileParsesAndKeepsTheLowerBound() throws Exception {
    HttpResponse<String> r = app.get("/figures/" + lowerBound + "/cite.bib");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-bibtex"));
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(r.body()));
    BibTeXEntry e = db.resolveEntry(new Key("aim-figure-" + lowerBound));
    assertNotNull(e, r.body());
    assertEquals("misc", e.getType().getValue());
    String title = e.getField(BibTeXEntry.KEY_TITLE).toUserString();
    assertTrue(title.contains("more than ¥950 billion"), title);
    String note = e.getField(BibTeXEntry.KEY_NOTE).toUserString();
    assertTrue(note.contains("A lower bound (\"more than\"), not an exact value."), note);
    assertTrue(note.contains("Xinhua"), "the original source is named: " + note);
    assertEquals(today, e.getField(new Key("urldate")).toUserString());
    assertTrue(e.getField(BibTeXEntry.KEY_URL).toUserString().endsWith("/figures/" + lowerBound));
  }

  @Test
  void theCslJsonFileIsReadByACitationProcessor() throws Exception {
    String text = body("/figures/" + lowerBound + "/cite.csl.json");
    List<Object> items = new JsonParser(new JsonLexer(new StringReader(text))).parseArray();
    @SuppressWarnings("unchecked")
    CSLItemData item = CSLItemData.fromJson((Map<String, Object>) items.get(0));
    assertEquals("dataset", item.getType().toString().toLowerCase());
    assertTrue(item.getTitle().contains("more than ¥950 billion"), item.getTitle());
    assertTrue(item.getNote().contains("lower bound"), item.getNote());
    assertEquals(LocalDate.now().getYear(), item.getAccessed().getDateParts()[0][0]);
    String rendered = CSL.makeAdhocBibliography("apa", "text", item).makeString();
    assertTrue(rendered.contains("AI Industry Monitor"), rendered);
    assertTrue(rendered.contains("more than ¥950 billion"), rendered);
  }

  @Test
  void theRisFileHasOneRecordOfWellFormedTags() {
    String ris = body("/figures/" + lowerBound + "/cite.ris");
    String[] lines = ris.split("\r\n");
    assertEquals("TY  - DATA", lines[0]);
    assertEquals("ER  - ", lines[lines.length - 1]);
    for (String line : lines) {
      assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), line);
    }
    assertTrue(ris.contains("TI  - AI core industry scale, China (mainland), 2024: more than ¥950 billion"), ris);
    assertTrue(ris.contains("Y2  - " + today.replace('-', '/')));
    assertTrue(ris.lines().anyMatch(l -> l.startsWith("N1  - A lower bound")), ris);
  }

  @Test
  void chineseCitationsFollowGbT7714() {
    String gb = body("/figures/" + lowerBound + "/cite.gbt7714.txt?lang=zh");
    assertTrue(gb.startsWith("人工智能产业监测. 人工智能核心产业规模"), gb);
    assertTrue(gb.contains("超过9500亿元[EB/OL]"), gb);
    assertTrue(gb.contains("[" + today + "]"), "the 引用日期: " + gb);
    assertTrue(gb.contains("原始来源：Xinhua"), gb);
    String page = body("/figures/" + lowerBound + "?lang=zh");
    assertTrue(page.contains("[EB/OL]"), "a Chinese page cites in GB/T 7714");
    assertTrue(page.contains("超过9500亿元"));
  }

  @Test
  void anEnglishPlainTextCitationNamesTheQualifierAndTheAccessDate() {
    String text = body("/figures/" + lowerBound + "/cite.txt");
    assertTrue(text.startsWith("AI Industry Monitor (" + LocalDate.now().getYear() + ") AI core industry scale, China (mainland), 2024: more than ¥950 billion."), text);
    assertTrue(text.contains("(Accessed: "), text);
    assertFalse(text.contains("¥950 billion (") && !text.contains("more than"), text);
  }

  static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
