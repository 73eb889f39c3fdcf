package org.aimonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.aimonitor.AppExtension;
import org.aimonitor.store.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static JsonNode get(String path, int status) throws IOException {
    HttpResponse<String> r = app.get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    String type = r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    assertEquals("application/json;charset=utf-8", type, path);
    return JSON.readTree(r.body());
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static final Set<String> SOURCE_REF = Set.of("id", "publisher", "title", "url", "published_on");
  private static final Set<String> OBSERVATION = Set.of("region", "period", "period_label", "value",
      "qualifier", "headline", "note", "note_zh", "figure", "source", "recorded_at", "import_id", "revisions");

  @Test
  void indicatorListHasTheDocumentedFieldsAndTheLatestFigure() throws IOException {
    JsonNode list = get("/api/v1/indicators", 200).get("indicators");
    assertEquals(org.aimonitor.Seed.INDICATORS, list.size());
    for (JsonNode i : list) {
      assertEquals(new TreeSet<>(Set.of("code", "category", "name", "unit", "latest", "places", "freshness")), fields(i));
      if (i.get("latest").isNull()) {
        // Figures for provinces and cities only: no single figure stands for the indicator.
        assertTrue(i.get("places").asInt() > 1, i.toString());
        continue;
      }
      assertTrue(i.get("places").isNull(), i.toString());
      assertEquals(new TreeSet<>(OBSERVATION), fields(i.get("latest")), i.get("code").asText());
      assertEquals(new TreeSet<>(SOURCE_REF), fields(i.at("/latest/source")));
    }
    assertEquals(List.of("ai_enterprises_share", "ai_industry_scale"),
        java.util.stream.StreamSupport.stream(list.spliterator(), false)
            .filter(i -> i.get("latest").isNull()).map(i -> i.get("code").asText()).sorted().toList());
    JsonNode scale = find(list, "ai_core_industry_scale");
    assertEquals("scale", scale.get("category").asText());
    assertEquals("CNY_bn", scale.get("unit").asText());
    assertEquals("2025", scale.at("/latest/period").asText());
    assertEquals("lower_bound", scale.at("/latest/qualifier").asText());
    assertEquals(1200, scale.at("/latest/value").asInt());
    assertEquals("ecns-2026-03-05", scale.at("/latest/source/id").asText());
  }

  @Test
  void indicatorDetailHoldsEveryObservationWithItsSource() throws IOException {
    JsonNode doc = get("/api/v1/indicators/ai_core_industry_scale", 200);
    assertEquals(new TreeSet<>(Set.of("code", "category", "name", "name_zh", "unit", "unit_en", "unit_zh",
        "decimals", "definition", "definition_zh")), fields(doc.get("indicator")));
    assertEquals("人工智能核心产业规模", doc.at("/indicator/name_zh").asText());
    JsonNode observations = doc.get("observations");
    assertEquals(seedRows("ai_core_industry_scale").size(), observations.size());
    for (JsonNode o : observations) {
      assertEquals(new TreeSet<>(OBSERVATION), fields(o));
      assertEquals(new TreeSet<>(SOURCE_REF), fields(o.get("source")));
    }
    JsonNode y2022 = null;
    for (JsonNode o : observations) {
      if (o.get("period").asText().equals("2022") && o.get("region").asText().equals("CN")) {
        y2022 = o;
      }
    }
    assertTrue(y2022.get("value").isNumber());
    assertEquals("508.0", y2022.get("value").decimalValue().toPlainString(),
        "the published decimal, as stored");
    assertTrue(y2022.get("headline").asBoolean());
    assertEquals("anfangnews-2023-10-16", y2022.at("/source/id").asText());
    assertEquals("2023-10-16", y2022.at("/source/published_on").asText());
  }

  @Test
  void rawJsonWritesTheValueWithItsPublishedDigits() {
    String body = app.get("/api/v1/indicators/ai_core_industry_scale?from=2022&to=2022").body();
    assertTrue(body.contains("\"value\":508.0,"), body);
  }

  @Test
  void detailFiltersByRegionAndYears() throws IOException {
    JsonNode doc = get("/api/v1/indicators/ai_enterprises?region=US", 200);
    assertEquals("US", doc.at("/filter/region").asText());
    assertTrue(doc.at("/filter/from").isNull());
    assertEquals(1, doc.get("observations").size());
    JsonNode years = get("/api/v1/indicators/ai_enterprises?from=2025&to=2025", 200);
    for (JsonNode o : years.get("observations")) {
      assertTrue(o.get("period").asText().startsWith("2025"), o.toString());
    }
  }

  @Test
  void sourcesListEverySourceWithTheIndicatorsItBacks() throws IOException {
    JsonNode sources = get("/api/v1/sources?limit=1000", 200).get("sources");
    assertEquals(org.aimonitor.Seed.SOURCES, sources.size());
    JsonNode xinhua = find(sources, "xinhua-2025-10-01", "id");
    assertEquals(new TreeSet<>(Set.of("id", "publisher", "title", "url", "published_on", "language",
        "reliability", "note", "indicators")), fields(xinhua));
    assertEquals("official", xinhua.get("reliability").asText());
    List<String> backs = new ArrayList<>();
    xinhua.get("indicators").forEach(n -> backs.add(n.asText()));
    assertTrue(backs.contains("ai_core_industry_scale"), backs.toString());
    JsonNode undated = null;
    for (JsonNode s : sources) {
      if (s.get("published_on").isNull()) {
        undated = s;
      }
    }
    assertTrue(undated != null, "unknown dates are null, not an empty string");
  }

  @Test
  void eventsAreListedOldestFirstWithTheirSource() throws IOException {
    JsonNode events = get("/api/v1/events", 200).get("events");
    assertEquals(org.aimonitor.Seed.EVENTS, events.size());
    String previous = "";
    for (JsonNode e : events) {
      assertEquals(new TreeSet<>(Set.of("date", "category", "title", "title_zh", "description", "description_zh", "source")),
          fields(e));
      assertEquals(new TreeSet<>(SOURCE_REF), fields(e.get("source")));
      String date = e.get("date").asText();
      assertTrue(date.compareTo(previous) >= 0, previous + " then " + date);
      previous = date;
    }
  }

  @Test
  void errorsAreJsonWithStatusAndMessage() throws IOException {
    JsonNode missing = get("/api/v1/indicators/nope", 404);
    assertEquals(404, missing.get("status").asInt());
    assertTrue(missing.get("message").asText().contains("\"nope\""));
    JsonNode region = get("/api/v1/indicators/ai_enterprises?region=EU", 400);
    assertEquals(400, region.get("status").asInt());
    assertTrue(region.get("message").asText().contains("Valid regions: CN"));
    JsonNode year = get("/api/v1/indicators/ai_enterprises?from=2025&to=2024", 400);
    assertTrue(year.get("message").asText().contains("after"));
    JsonNode route = get("/api/v1/nothing-here", 404);
    assertEquals(Set.of("status", "message"), fields(route));
  }

  /** The API is canonical English: the page language (?lang, Accept-Language) changes nothing. */
  @Test
  void theApiStaysEnglishWhateverTheLanguageAsked() throws IOException {
    String path = "/api/v1/indicators/ai_core_industry_scale?region=CN&to=2024";
    JsonNode english = get(path, 200);
    assertEquals(english, get(path + "&lang=zh", 200));
    HttpResponse<String> accept = app.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(app.url(path))).header("Accept-Language", "zh-CN").GET().build());
    assertEquals(english, JSON.readTree(accept.body()));
    JsonNode p2024 = find(english.get("observations"), "2024", "period");
    assertEquals("> ¥900 billion", p2024.get("figure").asText());
    assertEquals("2024", p2024.get("period_label").asText());
    assertEquals(900, p2024.get("value").asInt(), "values in the dataset's unit, not 亿元");

    JsonNode list = get("/api/v1/indicators?lang=zh", 200).get("indicators");
    assertEquals("AI core industry scale", find(list, "ai_core_industry_scale").get("name").asText());

    JsonNode region = get("/api/v1/indicators/ai_enterprises?region=EU&lang=zh", 400);
    assertTrue(region.get("message").asText().startsWith("Unknown region \"EU\""), region.toString());
    JsonNode missing = get("/api/v1/indicators/nope?lang=zh", 404);
    assertTrue(missing.get("message").asText().startsWith("There is no indicator \"nope\""), missing.toString());
  }

  private static JsonNode find(JsonNode list, String code) {
    return find(list, code, "code");
  }

  private static JsonNode find(JsonNode list, String value, String field) {
    for (JsonNode n : list) {
      if (n.get(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value);
  }

  private static List<CsvTable.Row> seedRows(String indicator) throws IOException {
    try (Reader r = Files.newBufferedReader(Path.of("data", "observations.csv"), StandardCharsets.UTF_8)) {
      return CsvTable.OBSERVATIONS.read("observations.csv", r).stream()
          .filter(row -> row.get("indicator").equals(indicator)).toList();
    }
  }
}
