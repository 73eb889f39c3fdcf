package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.aimonitor.json.Json;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past views of an indicator ({@code as_of}, {@code vintage=first}) on its page, CSV, JSON,
 * workbook and API: before an import they give the old value and lack the rows it added, after
 * it the new; a day in the future or before the first import is a 400; links keep the vintage.
 */
class IndicatorVintagesTest {

  static final String CODE = "ai_core_industry_scale";
  static final String BEFORE = "2026-11-15";
  static final String TODAY = LocalDate.now().toString();
  static TestApp app;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir);
    // The seed was imported on 1 Nov 2026 (as a deployed site's was); today an import revises
    // CAICT's 2024 figure (more than 900 → more than 950) and adds a 2021 figure.
    app.db().jdbi().useHandle(h -> {
      h.execute("UPDATE import_log SET imported_at = '2026-11-01T09:00:00.000Z' WHERE id = 1");
      h.execute("UPDATE observation SET recorded_at = '2026-11-01T09:00:00.000Z' WHERE import_id = 1");
    });
    String note = app.db().jdbi().withHandle(h -> h.createQuery("""
        SELECT note FROM observation WHERE indicator = :i AND region = 'CN' AND period = '2024'
          AND source = 'xinhua-2025-10-01'""").bind("i", CODE).mapTo(String.class).one());
    TestData.importCsv(app.db(), "observations.csv",
        "indicator,region,period,value,qualifier,source,headline,note\n"
            + CODE + ",CN,2024,950,lower_bound,xinhua-2025-10-01,1,\"" + note.replace("\"", "\"\"") + "\"\n"
            + CODE + ",CN,2021,333,approx,xinhua-2025-10-01,1,Vintage test row (not a real figure)\n");
    // Enough figures of another indicator to page through (all recorded today).
    TestData.importCsv(app.db(), "months.csv",
        TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 450));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String body(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  /** The chart's spec (the JSON the page hands charts.js). */
  static String chartSpec(String page) {
    Matcher m = Pattern.compile("<script type=\"application/json\" class=\"chart-spec\">(.*?)</script>",
        Pattern.DOTALL).matcher(page);
    assertTrue(m.find(), "a chart");
    return m.group(1);
  }

  /** The figure of CN, {@code period}, {@code source} in a JSON answer, or null. */
  static JsonNode figure(JsonNode answer, String period, String source) {
    for (JsonNode o : answer.get("observations")) {
      if (o.get("region").asText().equals("CN") && o.get("period").asText().equals(period)
          && o.get("source").get("id").asText().equals(source)) {
        return o;
      }
    }
    return null;
  }

  static JsonNode json(String path) throws Exception {
    return Json.MAPPER.readTree(body(path));
  }

  @Test
  void thePageAsOfADayBeforeTheImportShowsTheOldValueWithoutTheAddedRow() {
    String then = body("/indicators/" + CODE + "?region=CN&as_of=" + BEFORE);
    assertTrue(then.contains("Past view: the data as they stood at the end of 15 Nov 2026."), then);
    assertTrue(then.contains("<a href=\"/indicators/" + CODE + "?region=CN\">See today&#39;s view</a>"), then);
    assertTrue(then.contains("&gt; ¥900 billion"), "the old value");
    assertFalse(then.contains("¥950"), "no later revision, in the table or the chart");
    assertFalse(then.contains("Vintage test row"), "no row added later");
    String chart = chartSpec(then);
    assertFalse(chart.contains("\"y\":950"), chart);
    assertFalse(chart.contains("\"y\":333"), chart);
    assertTrue(chart.contains("\"y\":900.0,\"period\":\"2024\""), chart);

    String now = body("/indicators/" + CODE + "?region=CN");
    assertFalse(now.contains("Past view"), "today's view has no banner");
    assertTrue(now.contains("&gt; ¥950 billion"));
    assertTrue(now.contains("Vintage test row"));
    assertTrue(chartSpec(now).contains("\"y\":950"), chartSpec(now));
    assertTrue(chartSpec(now).contains("\"y\":333"));
    String today = body("/indicators/" + CODE + "?region=CN&as_of=" + TODAY);
    assertTrue(today.contains("&gt; ¥950 billion"), "as of today: the new value");
    assertTrue(today.contains("Vintage test row"));
  }

  @Test
  void aPastViewKeepsItsVintageOnEveryLinkAndInItsCitation() {
    String then = body("/indicators/" + CODE + "?region=CN&as_of=" + BEFORE);
    assertTrue(then.contains("href=\"/indicators/" + CODE + ".csv?region=CN&amp;as_of=" + BEFORE + "\""), then);
    assertTrue(then.contains("href=\"/indicators/" + CODE + ".json?region=CN&amp;as_of=" + BEFORE + "\""));
    assertTrue(then.contains("href=\"/api/v1/indicators/" + CODE + "?region=CN&amp;as_of=" + BEFORE + "\""));
    assertTrue(then.contains("href=\"/indicators/" + CODE + "?as_of=" + BEFORE + "\""), "All regions keeps it");
    assertTrue(then.contains("<input type=\"hidden\" name=\"as_of\" value=\"" + BEFORE + "\">"), "the filter form too");
    assertTrue(then.contains("; as it stood at the end of " + BEFORE), "How to cite names the day");
    Matcher figureLink = Pattern.compile("href=\"/figures/(\\d+)\\?as_of=" + BEFORE + "\"").matcher(then);
    assertTrue(figureLink.find(), "each figure links its own page at the same vintage");
    String zh = body("/indicators/" + CODE + "?region=CN&as_of=" + BEFORE + "&lang=zh");
    assertTrue(zh.contains("历史视图：截至2026年11月15日日终的数据。"), zh);
    assertTrue(zh.contains("查看当前视图"));
    assertTrue(zh.contains("；截至2026年11月15日日终"));
  }

  @Test
  void vintageFirstShowsEveryFigureAsFirstPublished() throws Exception {
    String first = body("/indicators/" + CODE + "?region=CN&vintage=first");
    assertTrue(first.contains("Past view: each figure as first published here."), first);
    assertTrue(first.contains("&gt; ¥900 billion"));
    assertFalse(first.contains("¥950"));
    assertTrue(first.contains("Vintage test row"), "a figure added today was first published today");
    assertTrue(first.contains("; as first published here"));
    JsonNode json = json("/api/v1/indicators/" + CODE + "?region=CN&vintage=first");
    assertEquals("first", json.get("vintage").get("kind").asText());
    assertEquals("900", figure(json, "2024", "xinhua-2025-10-01").get("value").asText());
    assertEquals(0, figure(json, "2024", "xinhua-2025-10-01").get("revisions").size(),
        "no revision had happened at first publication");
  }

  @Test
  void theCsvJsonWorkbookAndApiAgreeWithThePageBeforeAndAfter() throws Exception {
    String csvThen = body("/indicators/" + CODE + ".csv?region=CN&as_of=" + BEFORE);
    assertTrue(csvThen.contains(CODE + ",CN,2024,900,lower_bound,xinhua-2025-10-01,1,"), csvThen);
    assertFalse(csvThen.contains(",950,"));
    assertFalse(csvThen.contains("Vintage test row"));
    String csvNow = body("/indicators/" + CODE + ".csv?region=CN");
    assertTrue(csvNow.contains(CODE + ",CN,2024,950,lower_bound,xinhua-2025-10-01,1,"), csvNow);
    assertTrue(csvNow.contains("Vintage test row"));
    assertEquals(csvNow, body("/indicators/" + CODE + ".csv?region=CN&as_of=" + TODAY));

    for (String base : List.of("/indicators/" + CODE + ".json", "/api/v1/indicators/" + CODE)) {
      JsonNode then = json(base + "?region=CN&as_of=" + BEFORE);
      JsonNode now = json(base + "?region=CN");
      assertEquals("as_of", then.get("vintage").get("kind").asText(), base);
      assertEquals(BEFORE, then.get("vintage").get("as_of").asText());
      assertTrue(now.get("vintage").isNull(), base);
      assertEquals("900", figure(then, "2024", "xinhua-2025-10-01").get("value").asText(), base);
      assertEquals(0, figure(then, "2024", "xinhua-2025-10-01").get("revisions").size(),
          "the later revision is undone");
      assertEquals("950", figure(now, "2024", "xinhua-2025-10-01").get("value").asText(), base);
      assertEquals(1, figure(now, "2024", "xinhua-2025-10-01").get("revisions").size());
      assertNull(figure(then, "2021", "xinhua-2025-10-01"), "no row added later");
      assertEquals(now.get("total").asLong() - 1, then.get("total").asLong());
      assertEquals("950", figure(json(base + "?region=CN&as_of=" + TODAY), "2024",
          "xinhua-2025-10-01").get("value").asText());
    }

    List<String> figures = new ArrayList<>();
    Path xlsx = download("/indicators/" + CODE + ".xlsx?region=CN&as_of=" + BEFORE);
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      for (Row row : wb.getFirstSheet().read()) {
        row.stream().forEach(c -> figures.add(c == null ? "" : c.getRawValue()));
      }
      List<String> sheet = new ArrayList<>();
      for (Row row : wb.getSheets().toList().get(1).read()) {
        row.stream().forEach(c -> sheet.add(c == null ? "" : String.valueOf(c.getRawValue())));
      }
      assertTrue(String.join("|", figures).contains("as it stood at the end of 15 Nov 2026"), figures.toString());
      assertTrue(String.join("|", figures).contains("as_of=" + BEFORE), "the read me's address keeps it");
      assertFalse(String.join("|", sheet).contains("950"), sheet.toString());
      assertFalse(String.join("|", sheet).contains("Vintage test row"));
    }
  }

  @Test
  void theApiCursorKeepsTheVintage() throws Exception {
    JsonNode page = json("/api/v1/indicators/" + CODE + "?region=CN&as_of=" + BEFORE + "&limit=2");
    String next = page.get("next").asText();
    assertTrue(next.contains("as_of=" + BEFORE), next);
    List<String> values = new ArrayList<>();
    while (true) {
      page.get("observations").forEach(o -> values.add(o.get("period").asText() + " " + o.get("value").asText()));
      if (page.get("next").isNull()) {
        break;
      }
      page = json(page.get("next").asText().replaceFirst("^https?://[^/]+", ""));
    }
    assertTrue(values.contains("2024 900"), values.toString());
    assertFalse(values.contains("2024 950"));
    assertFalse(values.contains("2021 333"));
  }

  @Test
  void pagingKeepsTheVintage() {
    String first = body("/indicators/ai_pc_share?vintage=first");
    assertTrue(first.contains("href=\"/indicators/ai_pc_share?vintage=first&amp;page=2\""), first);
    String second = body("/indicators/ai_pc_share?vintage=first&page=2");
    assertTrue(second.contains("Past view: each figure as first published here."));
    String asOf = body("/indicators/ai_pc_share?as_of=" + TODAY);
    assertTrue(asOf.contains("href=\"/indicators/ai_pc_share?as_of=" + TODAY + "&amp;page=2\""), asOf);
    // A series longer than a chart draws: the vintage's chart says how many it leaves out.
    assertTrue(body("/indicators/ai_pc_share?region=US&vintage=first")
        .contains("The chart draws the latest 400 headline figures; "));
    // Before today's import the synthetic rows did not exist: the same pages are then too few.
    assertEquals(404, app.get("/indicators/ai_pc_share?as_of=" + BEFORE + "&page=2").statusCode());
  }

  @Test
  void aDayInTheFutureOrBeforeTheFirstImportIsRefused() {
    String future = LocalDate.now().plusDays(1).toString();
    for (String bad : List.of("as_of=" + future, "as_of=2026-10-31", "as_of=yesterday", "vintage=last",
        "vintage=first&as_of=" + BEFORE)) {
      HttpResponse<String> page = app.get("/indicators/" + CODE + "?" + bad);
      assertEquals(400, page.statusCode(), bad);
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), bad);
      assertEquals(400, app.get("/indicators/" + CODE + ".csv?" + bad).statusCode(), bad);
      assertEquals(400, app.get("/indicators/" + CODE + ".xlsx?" + bad).statusCode(), bad);
      for (String json : List.of("/indicators/" + CODE + ".json?", "/api/v1/indicators/" + CODE + "?")) {
        HttpResponse<String> r = app.get(json + bad);
        assertEquals(400, r.statusCode(), json + bad);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
      }
    }
    HttpResponse<String> future1 = app.get("/api/v1/indicators/" + CODE + "?as_of=" + future);
    assertTrue(future1.body().contains("is in the future"), future1.body());
    HttpResponse<String> early = app.get("/indicators/" + CODE + "?as_of=2026-10-31");
    assertTrue(early.body().contains("is before the first import (2026-11-01)"), early.body());
  }

  private static Path download(String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(app.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path);
    Path file = Files.createTempFile(dir, "vintage", ".xlsx");
    Files.write(file, r.body());
    return file;
  }
}
