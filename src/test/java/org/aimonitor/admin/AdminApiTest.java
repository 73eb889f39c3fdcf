package org.aimonitor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aimonitor.TestData;
import org.aimonitor.TestApp;
import org.aimonitor.importer.DatabaseDump;
import org.aimonitor.importer.Importer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /admin/import} with a Bearer token, as scripts and curl use it, over the real app. */
class AdminApiTest {

  static final String TOKEN = "test-admin-token-0123456789";
  static final String OBS = TestData.OBSERVATIONS_HEADER;
  static final String NEW_ROW = "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n";

  @TempDir
  Path dir;

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  static HttpResponse<String> postCsv(TestApp app, String query, String authorization, byte[] csv) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/admin/import" + query)))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return app.send(request.build());
  }

  static HttpResponse<String> postCsv(TestApp app, String query, String csv) {
    return postCsv(app, query, "Bearer " + TOKEN, csv.getBytes(StandardCharsets.UTF_8));
  }

  static long dataVersion(TestApp app) throws Exception {
    return json(app.get("/healthz")).get("dataVersion").asLong();
  }

  @Test
  void everyAdminPathIsTheOrdinary404WhenNoTokenIsSet() {
    try (TestApp app = TestApp.start(dir)) {
      for (String path : List.of("/admin", "/admin/login", "/admin/import", "/admin/imports", "/admin/x")) {
        HttpResponse<String> r = app.get(path);
        assertEquals(404, r.statusCode(), path);
        assertEquals("Page not found", Jsoup.parse(r.body()).selectFirst("h1").text(), path);
      }
      HttpResponse<String> post = postCsv(app, "", "Bearer " + TOKEN, NEW_ROW.getBytes(StandardCharsets.UTF_8));
      assertEquals(404, post.statusCode());
    }
  }

  @Test
  void anUploadWithoutATokenIs401AndNamesTheBearerScheme() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String before = DatabaseDump.of(app.db());
      HttpResponse<String> r = postCsv(app, "", null, (OBS + NEW_ROW).getBytes(StandardCharsets.UTF_8));
      assertEquals(401, r.statusCode());
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(401, json(r).get("status").asInt());
      HttpResponse<String> basic = postCsv(app, "", "Basic dXNlcjpwYXNz",
          (OBS + NEW_ROW).getBytes(StandardCharsets.UTF_8));
      assertEquals(401, basic.statusCode(), "another scheme carries no admin token");
      assertEquals(before, DatabaseDump.of(app.db()));
    }
  }

  @Test
  void anUploadWithAWrongTokenIs403AndChangesNothing() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String before = DatabaseDump.of(app.db());
      for (String wrong : List.of(TOKEN + "x", TOKEN.substring(1), "x", TOKEN.toUpperCase())) {
        HttpResponse<String> r = postCsv(app, "", "Bearer " + wrong,
            (OBS + NEW_ROW).getBytes(StandardCharsets.UTF_8));
        assertEquals(403, r.statusCode(), "token \"" + wrong + "\"");
        assertEquals("The admin token is not valid.", json(r).get("message").asText());
      }
      assertEquals(before, DatabaseDump.of(app.db()));
    }
  }

  @Test
  void aCsvUploadIsAppliedAndTheSameUploadAgainChangesNothing() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      long version = dataVersion(app);
      HttpResponse<String> first = postCsv(app, "?name=obs-2019.csv&reason=2019%20figure", OBS + NEW_ROW);
      assertEquals(200, first.statusCode(), first.body());
      assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode result = json(first);
      assertTrue(result.get("import_id").asLong() > 1, "logged after the seed");
      assertFalse(result.get("dry_run").asBoolean());
      assertEquals(1, result.get("added").asInt());
      assertEquals(0, result.get("changed").asInt());
      assertEquals("obs-2019.csv", result.get("files").get(0).get("name").asText());
      assertEquals(64, result.get("files").get(0).get("sha256").asText().length());
      JsonNode change = result.get("changes").get(0);
      assertEquals("obs-2019.csv", change.get("file").asText());
      assertEquals(2, change.get("line").asInt());
      assertEquals("added", change.get("kind").asText());
      assertEquals(org.aimonitor.Seed.OBSERVATIONS + 1, json(app.get("/healthz")).get("observations").asInt());
      assertEquals("2019 figure", app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT reason FROM import_log WHERE id = :id").bind("id", result.get("import_id").asLong())
          .mapTo(String.class).one()), "the reason is logged");
      assertEquals(400, postCsv(app, "?reason=" + "x".repeat(501), OBS + NEW_ROW).statusCode());
      long afterFirst = dataVersion(app);
      assertNotEquals(version, afterFirst, "the data version moves on when an import commits");

      String dumpBefore = withoutImportLog(DatabaseDump.of(app.db()));
      JsonNode again = json(postCsv(app, "?name=obs-2019.csv", OBS + NEW_ROW));
      assertEquals(0, again.get("added").asInt());
      assertEquals(0, again.get("changed").asInt());
      assertEquals(1, again.get("unchanged").asInt());
      assertEquals(0, again.get("changes").size());
      assertEquals(dumpBefore, withoutImportLog(DatabaseDump.of(app.db())), "no data row touched");
      assertEquals(afterFirst, dataVersion(app));
      String who = app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT who FROM import_log WHERE id = :id").bind("id", result.get("import_id").asLong())
          .mapTo(String.class).one());
      assertEquals("admin token (API)", who);
    }
  }

  @Test
  void cachedPagesAndApiAnswersShowAnUploadAtOnce() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String path = "/api/v1/indicators/ai_core_industry_scale?region=CN&from=2019&to=2019";
      assertEquals(0, json(app.get(path)).get("observations").size());
      assertEquals(0, json(app.get(path)).get("observations").size(), "now cached");
      postCsv(app, "", OBS + NEW_ROW);
      JsonNode after = json(app.get(path)).get("observations");
      assertEquals(1, after.size());
      assertEquals("12.5", after.get(0).get("value").asText());
    }
  }

  @Test
  void aChangedFigureReportsItsOldAndNewValues() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      postCsv(app, "", OBS + NEW_ROW);
      JsonNode result = json(postCsv(app, "", OBS + NEW_ROW.replace("12.5,reported", "13,approx")));
      assertEquals(1, result.get("changed").asInt());
      assertEquals(List.of("value: 12.5 → 13", "qualifier: reported → approx"),
          new ObjectMapper().convertValue(result.get("changes").get(0).get("fields"), List.class));
    }
  }

  @Test
  void aBadCsvIs422WithEveryErrorLocatedAndTheDatabaseUnchanged() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String before = DatabaseDump.of(app.db());
      long version = dataVersion(app);
      HttpResponse<String> r = postCsv(app, "?name=bad.csv", OBS + NEW_ROW
          + "ai_core_industry_scale,CN,2018,\"12,5x\",guess,ecns-2026-03-05,0,\n");
      assertEquals(422, r.statusCode());
      JsonNode body = json(r);
      assertEquals(422, body.get("status").asInt());
      assertTrue(body.get("message").asText().startsWith("Nothing was imported"), body.toString());
      JsonNode errors = body.get("errors");
      assertEquals(2, errors.size(), errors.toString());
      assertEquals("bad.csv", errors.get(0).get("file").asText());
      assertEquals(3, errors.get(0).get("line").asInt());
      assertEquals(4, errors.get(0).get("column").asInt());
      assertEquals("value \"12,5x\" is not a number (a plain decimal like 12.5)",
          errors.get(0).get("message").asText());
      assertEquals(5, errors.get(1).get("column").asInt());
      assertEquals(before, DatabaseDump.of(app.db()), "not even the good row was stored");
      assertEquals(version, dataVersion(app));
    }
  }

  @Test
  void aDryRunReportsWithoutWriting() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String before = DatabaseDump.of(app.db());
      JsonNode result = json(postCsv(app, "?dry_run=true", OBS + NEW_ROW));
      assertTrue(result.get("dry_run").asBoolean());
      assertTrue(result.get("import_id").isNull());
      assertEquals(1, result.get("added").asInt());
      assertEquals(before, DatabaseDump.of(app.db()));

      HttpResponse<String> invalid = postCsv(app, "?dry_run=true", OBS + NEW_ROW.replace("CN", "MARS"));
      assertEquals(422, invalid.statusCode());
      assertEquals(2, json(invalid).get("errors").get(0).get("column").asInt());
      assertEquals(400, postCsv(app, "?dry_run=yes", OBS + NEW_ROW).statusCode());
      assertEquals(before, DatabaseDump.of(app.db()));
    }
  }

  @Test
  void severalFilesInAMultipartUploadAreOneTransaction() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String sources = "id,publisher,title,url,published_on,language,reliability,note\n"
          + "test-src-2026,Test Publisher,Test title,https://example.org/t,2026-01-05,en,news,\n";
      String observations = OBS + NEW_ROW.replace("ecns-2026-03-05", "test-src-2026");
      // The observation cites the source added by the other file of the same upload.
      MultipartBody body = new MultipartBody()
          .file("files", "obs.csv", observations)
          .file("files", "src.csv", sources);
      HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import")))
          .header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", body.contentType())
          .POST(body.publisher()).build());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(2, json(r).get("added").asInt());
      assertEquals(2, json(r).get("files").size());
    }
  }

  @Test
  void anOversizeUploadIs413AndTheServerKeepsAnswering() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      String before = DatabaseDump.of(app.db());
      byte[] big = new byte[6 * 1024 * 1024];
      Arrays.fill(big, (byte) 'a');
      HttpResponse<String> r = postCsv(app, "", "Bearer " + TOKEN, big);
      assertEquals(413, r.statusCode());
      assertEquals(413, json(r).get("status").asInt());
      assertEquals("The upload is 6,291,456 bytes; the limit is 5,242,880 bytes (5 MB) per request.",
          json(r).get("message").asText());

      MultipartBody multipart = new MultipartBody().file("files", "big.csv", big);
      HttpResponse<String> m = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import")))
          .header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", multipart.contentType())
          .POST(multipart.publisher()).build());
      assertEquals(413, m.statusCode());

      assertEquals(200, app.get("/healthz").statusCode());
      assertEquals(before, DatabaseDump.of(app.db()));
      assertEquals(200, postCsv(app, "", OBS + NEW_ROW).statusCode(), "uploads still work");
    }
  }

  @Test
  void anUploadAtTheLimitIsReadAndJudgedByTheImporter() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      byte[] atLimit = new byte[Importer.MAX_FILE_BYTES];
      Arrays.fill(atLimit, (byte) 'a');
      HttpResponse<String> r = postCsv(app, "", "Bearer " + TOKEN, atLimit);
      assertEquals(422, r.statusCode(), "not refused for its size");
    }
  }

  @Test
  void otherContentTypesAre415() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import")))
          .header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
      assertEquals(415, r.statusCode());
      assertTrue(json(r).get("message").asText().contains("text/csv"));
    }
  }

  /** The import log gains a row per import even when no data row changes. */
  private static String withoutImportLog(String dump) {
    return dump.substring(0, dump.indexOf("## import_log")) + dump.substring(dump.indexOf("## revision"));
  }

  @Test
  void theUploadApiAnswersInEnglishWhateverTheLanguage() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import?lang=zh")))
          .header("Content-Type", "text/csv").header("Accept-Language", "zh-CN")
          .header("Authorization", "Bearer " + TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(OBS + NEW_ROW.replace("12.5", "NaN"))).build());
      assertEquals(422, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertEquals("Nothing was imported: the files are invalid (1 error).", json(r).get("message").asText());
    }
  }
}
