package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTest {

  @TempDir
  Path dir;

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void reportsStatusDatabaseObservationsAndDataVersion() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> r = app.get("/healthz");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode health = json(r);
      assertEquals("ok", health.get("status").asText());
      assertTrue(health.get("database").asBoolean());
      assertEquals(org.aimonitor.Seed.OBSERVATIONS, health.get("observations").asInt());
      assertTrue(health.get("dataVersion").asLong() > 0);
    }
  }

  @Test
  void theDataVersionChangesWhenDataChange() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      long before = json(app.get("/healthz")).get("dataVersion").asLong();
      assertEquals(before, json(app.get("/healthz")).get("dataVersion").asLong());
      app.db().jdbi().useHandle(h -> h.execute("DELETE FROM observation WHERE headline = 0 AND id = "
          + "(SELECT min(id) FROM observation WHERE headline = 0)"));
      JsonNode after = json(app.get("/healthz"));
      assertTrue(after.get("dataVersion").asLong() > before);
      assertEquals(org.aimonitor.Seed.OBSERVATIONS - 1, after.get("observations").asInt());
    }
  }

  /**
   * The count is what the last import measured (not a count of the whole table on every probe):
   * a recorded number that differs from the table shows where it comes from, and the next import
   * records the true one again.
   */
  @Test
  void reportsTheObservationsTheLastImportRecorded() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> h.execute(
          "UPDATE download_size SET rows = 12345 WHERE file = 'observations.csv'"));
      assertEquals(12345, json(app.get("/healthz")).get("observations").asInt());
      TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 10));
      assertEquals(org.aimonitor.Seed.OBSERVATIONS + 10, json(app.get("/healthz")).get("observations").asInt());
    }
  }

  @Test
  void answers503WhenTheDatabaseCannotBeRead() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> h.execute("DROP TABLE data_version"));
      HttpResponse<String> r = app.get("/healthz");
      assertEquals(503, r.statusCode());
      assertEquals("error", json(r).get("status").asText());
    }
  }
}
