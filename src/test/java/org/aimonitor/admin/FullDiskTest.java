package org.aimonitor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.aimonitor.TestApp;
import org.aimonitor.config.Settings;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import on a full disk (issue 26, row 6), made real with SQLite's page limit on the
 * database file: the Bearer API answers JSON, the web confirm keeps its preview, nothing is lost.
 */
class FullDiskTest {

  static final String TOKEN = AdminApiTest.TOKEN;

  @TempDir
  Path dir;

  /** Fifty new observations with long notes: more pages than the full database has room for. */
  static String manyRows() {
    StringBuilder rows = new StringBuilder(AdminApiTest.OBS);
    for (int year = 1950; year < 2000; year++) {
      rows.append("ai_core_industry_scale,CN,").append(year).append(",1,reported,ecns-2026-03-05,0,")
          .append("x".repeat(2000)).append('\n');
    }
    return rows.toString();
  }

  private TestApp fullApp() {
    Path db = dir.resolve("monitor.db");
    Database seeded = Database.open(db);
    Seeder.seedIfEmpty(seeded);
    long pages = seeded.jdbi().withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
    return TestApp.over(dir, db + "?max_page_count=" + (pages + 2), Map.of(Settings.ADMIN_TOKEN.name(), TOKEN));
  }

  @Test
  void theBearerApiAnswersJsonAndImportsNothing() throws Exception {
    try (TestApp app = fullApp()) {
      long observations = app.db().store().observationCount();
      HttpResponse<String> r = AdminApiTest.postCsv(app, "", manyRows());
      assertEquals(507, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode json = AdminApiTest.json(r);
      assertEquals(507, json.get("status").asInt());
      assertEquals("Nothing was imported: the disk is full. The database is unchanged; send the "
          + "files again once the problem is fixed.", json.get("message").asText());
      assertEquals(observations, app.db().store().observationCount());
    }
  }

  @Test
  void aFailedConfirmKeepsThePreviewToConfirmAgain() throws Exception {
    try (TestApp app = fullApp()) {
      long observations = app.db().store().observationCount();
      AdminPagesTest.Browser browser = AdminPagesTest.signIn(app);
      HttpResponse<String> preview = browser.postMultipart("/admin/import/preview", new MultipartBody()
          .field("csrf", browser.csrf()).file("files", "many.csv", manyRows()));
      assertEquals(200, preview.statusCode(), preview.body());
      String previewId = Jsoup.parse(preview.body()).selectFirst("input[name=preview]").val();
      HttpResponse<String> confirm = browser.postForm("/admin/import/apply",
          Map.of("csrf", browser.csrf(), "preview", previewId));
      assertEquals(507, confirm.statusCode());
      Document page = Jsoup.parse(confirm.body());
      assertEquals("Check the import", page.selectFirst("h1").text());
      assertTrue(page.selectFirst(".admin-alert[role=alert]").text().startsWith(
          "The import could not be written: the disk is full. Nothing was imported"), confirm.body());
      assertTrue(page.selectFirst(".admin-summary").text().contains("50 added"), confirm.body());
      Element kept = page.selectFirst("form[action=/admin/import/apply] input[name=preview]");
      assertNotNull(kept, "the preview is kept, to confirm again");
      assertNotEquals("", kept.val());
      assertEquals(observations, app.db().store().observationCount(), "nothing was imported");
    }
  }
}
