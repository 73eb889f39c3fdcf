package org.aimonitor.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/v1/updates} and {@code /api/v1/updates/{id}}: documents, cursors, refusals. */
class UpdatesApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  @BeforeAll
  static void start() {
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 250));
    TestData.importCsv(app.db(), "revision.csv", TestData.OBSERVATIONS_HEADER + """
        ai_core_industry_scale,CN,2024,950,approx,yicai-2025-09-24,0,Revised in a test.
        """);
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")
        .equalsIgnoreCase("application/json;charset=utf-8"));
    return JSON.readTree(r.body());
  }

  @Test
  void importsComeNewestFirstAndTheCursorVisitsEachOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    String next = "/api/v1/updates?limit=1";
    while (next != null) {
      JsonNode page = json(next);
      assertEquals(1, page.get("updates").size());
      page.get("updates").forEach(u -> ids.add(u.get("id").asLong()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    assertEquals(List.of(3L, 2L, 1L), ids);
  }

  @Test
  void anImportSaysWhenWhoWhatAndWhereItsChangesAre() throws Exception {
    JsonNode u = json("/api/v1/updates").get("updates").get(1);
    assertEquals(2, u.get("id").asLong());
    assertEquals("test", u.get("who").asText());
    assertTrue(u.get("imported_at").asText().endsWith("Z"));
    assertEquals(250, u.get("added").asInt());
    assertEquals("observations.csv", u.get("tables").get(0).get("table").asText());
    assertEquals(250, u.get("tables").get(0).get("added").asInt());
    assertEquals("months.csv", u.get("files").get(0).get("name").asText());
    assertEquals("/api/v1/updates/2", u.get("changes").asText());
    assertEquals("/updates/2", u.get("page").asText());
  }

  @Test
  void aBigImportsChangesPageWithACursorThatVisitsEachFigureOnce() throws Exception {
    Set<String> seen = new HashSet<>();
    String next = "/api/v1/updates/2?limit=100";
    int pages = 0;
    while (next != null) {
      JsonNode page = json(next);
      assertEquals(250, page.get("total").asLong());
      for (JsonNode c : page.get("changes")) {
        assertTrue(seen.add(c.get("region").asText() + c.get("period").asText()), "once: " + c);
        assertEquals("added", c.get("kind").asText());
      }
      assertTrue(page.get("other_changes").isEmpty(), "the import held figures only");
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(250, seen.size());
  }

  @Test
  void aRevisionCarriesTheStateBeforeAndAfter() throws Exception {
    JsonNode c = json("/api/v1/updates/3").get("changes").get(0);
    assertEquals("changed", c.get("kind").asText());
    assertEquals("ai_core_industry_scale", c.get("indicator").asText());
    assertEquals("900", c.get("before").get("value").asText());
    assertEquals("lower_bound", c.get("before").get("qualifier").asText());
    assertEquals("950", c.get("after").get("value").asText());
    assertEquals("approx", c.get("after").get("qualifier").asText());
    assertEquals("> ¥900 billion", c.get("figure_before").asText());
    assertEquals("≈ ¥950 billion", c.get("figure").asText());
    assertEquals("yicai-2025-09-24", c.get("source").get("id").asText());
    assertTrue(c.get("replaced_by_import").isNull());

    // The seed's state of that figure is listed under the seed, replaced by import 3.
    boolean found = false;
    for (String next = "/api/v1/updates/1?limit=1000"; next != null; ) {
      JsonNode page = json(next);
      for (JsonNode s : page.get("changes")) {
        if (s.get("source").get("id").asText().equals("yicai-2025-09-24")
            && s.get("indicator").asText().equals("ai_core_industry_scale")) {
          assertEquals(3, s.get("replaced_by_import").asInt());
          assertEquals("900", s.get("after").get("value").asText());
          found = true;
        }
      }
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    assertTrue(found);
  }

  @Test
  void theSeedsOtherTablesAreListedOnItsFirstPage() throws Exception {
    JsonNode others = json("/api/v1/updates/1").get("other_changes");
    assertFalse(others.isEmpty());
    JsonNode first = others.get(0);
    assertEquals("languages.csv", first.get("table").asText());
    assertEquals("added", first.get("kind").asText());
    assertTrue(first.get("before").isNull());
    assertEquals("en", first.get("after").get("language").asText());
  }

  @Test
  void daysNarrowTheListInTheApiToo() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertEquals(3, json("/api/v1/updates?from=" + today).get("updates").size());
    assertEquals(0, json("/api/v1/updates?to=2000-12-31").get("updates").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/updates?limit=0", "/api/v1/updates?cursor=nonsense",
      "/api/v1/updates?from=2026-02-30", "/api/v1/updates?cursor=WyJ4Il0",
      "/api/v1/updates/2?cursor=WzFd", "/api/v1/updates/2?limit=1001"})
  void badParametersAreRefusedWith400InJson(String path) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(400, r.statusCode(), path + ": " + r.body());
    assertEquals(400, JSON.readTree(r.body()).get("status").asInt());
  }

  @Test
  void anUnknownImportIsA404InJson() throws Exception {
    HttpResponse<String> r = app.get("/api/v1/updates/99");
    assertEquals(404, r.statusCode());
    assertTrue(JSON.readTree(r.body()).get("message").asText().contains("no import"));
  }
}
