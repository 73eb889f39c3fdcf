package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revised figure shows its history on its indicator page and in the API. */
class RevisionHistoryTest {

  @TempDir
  Path dir;

  @Test
  void aRevisedFigureShowsItsPreviousStateOnThePageAndInTheApi() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      String seedNote = org.aimonitor.TestData.observations(app.db()).stream().filter(o -> o.indicator().equals("ai_core_industry_scale"))
          .filter(o -> o.period().code().equals("2024") && o.source().equals("xinhua-2025-10-01"))
          .findFirst().orElseThrow().note();
      new Importer(app.db()).apply(List.of(new ImportFile("rev.csv", (ImporterTest.OBS
          + "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,revised\n")
          .getBytes(StandardCharsets.UTF_8))), "test");
      String today = LocalDate.now(ZoneOffset.UTC).toString();

      Element page = Jsoup.parse(app.get("/indicators/ai_core_industry_scale").body());
      List<String> histories = page.select(".obs__history").eachText();
      assertEquals(1, histories.size(), histories.toString());
      assertEquals("Revised: > ¥950 billion (lower bound), recorded " + today + " (import 2); previously "
          + "> ¥900 billion (lower bound), headline, recorded " + today + " (import 1)", histories.get(0));

      Element zh = Jsoup.parse(app.get("/indicators/ai_core_industry_scale?lang=zh").body());
      List<String> zhHistories = zh.select(".obs__history").eachText();
      assertEquals(1, zhHistories.size(), zhHistories.toString());
      String line = zhHistories.get(0);
      assertTrue(line.startsWith("修订记录：超过9500亿元（下限），记录于"), line);
      assertTrue(line.contains("（第2次导入）；此前为超过9000亿元（下限），曾为主数据，记录于"), line);
      assertTrue(line.endsWith("（第1次导入）"), line);

      JsonNode api = new ObjectMapper().readTree(app.get("/api/v1/indicators/ai_core_industry_scale").body());
      JsonNode revised = null;
      for (JsonNode o : api.get("observations")) {
        if (o.get("period").asText().equals("2024") && o.get("source").get("id").asText().equals("xinhua-2025-10-01")) {
          revised = o;
        }
      }
      assertEquals(950, revised.get("value").asInt());
      assertEquals(2, revised.get("import_id").asInt());
      JsonNode previous = revised.get("revisions").get(0);
      assertEquals(900, previous.get("value").asInt());
      assertEquals("lower_bound", previous.get("qualifier").asText());
      assertEquals(1, previous.get("import_id").asInt());
      assertEquals(2, previous.get("replaced_by_import").asInt());
      assertEquals(seedNote, previous.get("note").asText());
      assertEquals("revised", revised.get("note").asText());
    }
  }

  @Test
  void figuresNeverRevisedShowNoHistoryButTheirRecordingImport() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      Element page = Jsoup.parse(app.get("/indicators/ai_enterprises").body());
      assertTrue(page.select(".obs__history").isEmpty());
      JsonNode api = new ObjectMapper().readTree(app.get("/api/v1/indicators/ai_enterprises").body());
      JsonNode first = api.get("observations").get(0);
      assertEquals(1, first.get("import_id").asInt(), "recorded by the seed import");
      assertEquals(0, first.get("revisions").size());
      assertNull(first.get("revisions").get(0));
    }
  }
}
