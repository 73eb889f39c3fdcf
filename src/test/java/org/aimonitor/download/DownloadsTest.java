package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aimonitor.TestApp;
import org.aimonitor.store.CsvTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static HttpResponse<byte[]> bytes(TestApp app, String path) {
    return bytes(app, path, "en");
  }

  private static HttpResponse<byte[]> bytes(TestApp app, String path, String acceptLanguage) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(app.url(path))).header("Accept-Language", acceptLanguage).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void exportsOfTheSeededDatabaseAreTheSeedFilesByteForByte() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      for (CsvTable table : CsvTable.values()) {
        HttpResponse<byte[]> r = bytes(app, "/data/" + table.fileName());
        assertEquals(200, r.statusCode(), table.fileName());
        assertEquals("text/csv;charset=utf-8",
            r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertEquals("attachment; filename=\"" + table.fileName() + "\"",
            r.headers().firstValue("Content-Disposition").orElse(""));
        byte[] seed = seedAsExported(table);
        assertArrayEquals(seed, r.body(), table.fileName() + " differs from the seed file");
        // Downloads are canonical: a Chinese browser gets the same bytes.
        assertArrayEquals(seed, bytes(app, "/data/" + table.fileName() + "?lang=zh", "zh-CN").body(),
            table.fileName() + " in Chinese differs from the seed file");
      }
    }
  }

  /**
   * The seed file as an export writes it: byte for byte, except its five notes in which a
   * {@code ;} is followed by a signed figure ("IDC; +24% YoY."), which a spreadsheet splitting on
   * {@code ;} would run as a formula; the export writes them {@code ;' +24% YoY.}.
   */
  static byte[] seedAsExported(CsvTable table) throws Exception {
    String seed = Files.readString(Path.of("data", table.fileName()));
    if (table == CsvTable.OBSERVATIONS) {
      String exported = seed.replaceAll("; ([+-]\\d)", ";' $1");
      assertEquals(5, (exported.length() - seed.length()), "the seed's notes with \"; +figure\"");
      return exported.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void exportsReadBackThroughTheImportReaderAsTheSameRows() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      ExportStore store = new ExportStore(app.db());
      for (CsvTable table : CsvTable.values()) {
        String body = app.get("/data/" + table.fileName()).body();
        List<CsvTable.Row> rows = table.read(table.fileName(), new StringReader(body));
        List<List<String>> stored = org.aimonitor.TestData.exportRows(app.db(), table);
        assertEquals(stored.size(), rows.size(), table.fileName());
        for (int i = 0; i < rows.size(); i++) {
          CsvTable.Row row = rows.get(i);
          assertEquals(stored.get(i).stream().map(CsvExport::neutralise).toList(),
              table.columns().stream().map(row::get).toList(),
              table.fileName() + " row " + (i + 1));
        }
      }
    }
  }

  @Test
  void hostileCellsAreNeutralisedInEveryCsvButStoredAndServedAsJsonUnchanged() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      app.db().jdbi().useHandle(h -> {
        h.execute("INSERT INTO source (id, publisher, title, url, published_on, language, reliability, note)"
            + " VALUES ('evil-2025', '=HYPERLINK(\"http://evil.example\",\"click\")', '@SUM(1+1)',"
            + " 'https://evil.example/', '2025', 'en', 'low', '-2+3')");
        h.execute("INSERT INTO observation (indicator, region, period, value, qualifier, source, headline, note)"
            + " VALUES ('ai_core_industry_growth', 'CN', '2021', '-3.5', 'reported', 'evil-2025', 1,"
            + " '+cmd|'' /C calc''!A0')");
      });

      Map<String, CsvTable.Row> sources = byFirstColumn(CsvTable.SOURCES,
          app.get("/data/sources.csv").body());
      CsvTable.Row evil = sources.get("evil-2025");
      assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", evil.get("publisher"));
      assertEquals("'@SUM(1+1)", evil.get("title"));
      assertEquals("'-2+3", evil.get("note"));
      assertEquals("https://evil.example/", evil.get("url"));

      for (String path : List.of("/data/observations.csv", "/indicators/ai_core_industry_growth.csv")) {
        CsvTable.Row row = CsvTable.OBSERVATIONS.read(path, new StringReader(app.get(path).body()))
            .stream().filter(r -> r.get("source").equals("evil-2025")).findFirst().orElseThrow();
        assertEquals("-3.5", row.get("value"), "a negative number is data, not a formula");
        assertEquals("'+cmd|' /C calc'!A0", row.get("note"), path);
      }

      JsonNode api = JSON.readTree(app.get("/api/v1/indicators/ai_core_industry_growth?from=2021&to=2021").body());
      JsonNode o = api.get("observations").get(0);
      assertEquals("+cmd|' /C calc'!A0", o.get("note").asText(), "JSON carries the stored text");
      assertEquals("=HYPERLINK(\"http://evil.example\",\"click\")", o.at("/source/publisher").asText());

      // Clean rows are untouched: the seed's own rows export exactly as before.
      assertEquals(sources.get("xinhua-2025-10-01").get("publisher"), "Xinhua (via People's Daily Online)");
    }
  }

  private static Map<String, CsvTable.Row> byFirstColumn(CsvTable table, String csv) {
    return table.read(table.fileName(), new StringReader(csv)).stream()
        .collect(Collectors.toMap(r -> r.get(table.columns().get(0)), r -> r));
  }

  @Test
  void databaseDownloadIsAConsistentSqliteSnapshot() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<byte[]> r = bytes(app, "/data/monitor.sqlite");
      assertEquals(200, r.statusCode());
      assertEquals("application/vnd.sqlite3", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals("attachment; filename=\"monitor.sqlite\"",
          r.headers().firstValue("Content-Disposition").orElse(""));
      String magic = new String(r.body(), 0, 16, StandardCharsets.US_ASCII);
      assertEquals("SQLite format 3\0", magic);

      Path copy = dir.resolve("downloaded.sqlite");
      Files.write(copy, r.body());
      long liveVersion = app.db().store().dataVersion();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
          ResultSet rs = c.createStatement().executeQuery(
              "SELECT (SELECT count(*) FROM observation), (SELECT count(*) FROM source),"
                  + " (SELECT count(*) FROM indicator), (SELECT count(*) FROM event),"
                  + " (SELECT version FROM data_version)")) {
        assertTrue(rs.next());
        assertEquals(org.aimonitor.Seed.OBSERVATIONS, rs.getInt(1));
        assertEquals(org.aimonitor.Seed.SOURCES, rs.getInt(2));
        assertEquals(org.aimonitor.Seed.INDICATORS, rs.getInt(3));
        assertEquals(org.aimonitor.Seed.EVENTS, rs.getInt(4));
        assertEquals(liveVersion, rs.getLong(5));
      }
    }
  }

  @Test
  void dataPageListsEveryDownloadWithRowsSizeAndLicenceNote() {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> r = app.get("/data");
      assertEquals(200, r.statusCode());
      Document doc = Jsoup.parse(r.body());
      List<Element> rows = doc.select("table.downloads tbody tr");
      assertEquals(List.of("languages.csv", "categories.csv", "units.csv", "regions.csv", "aliases.csv",
          "sources.csv", "indicators.csv", "observations.csv", "events.csv", "schedules.csv", "monitor.xlsx",
          "monitor.sqlite"),
          rows.stream().map(tr -> tr.selectFirst("th a").text()).toList());
      assertEquals(List.of("3", "7", "7", "26", String.valueOf(org.aimonitor.Seed.ALIASES),
          String.valueOf(org.aimonitor.Seed.SOURCES), String.valueOf(org.aimonitor.Seed.INDICATORS),
          String.valueOf(org.aimonitor.Seed.OBSERVATIONS), String.valueOf(org.aimonitor.Seed.EVENTS), "12",
          "–", "–"),
          rows.stream().map(tr -> tr.select("td").get(2).text()).toList());
      for (Element tr : rows) {
        // The workbook is written when asked for, so its size is not known beforehand.
        assertTrue(tr.select("td").get(3).text().matches("(≈ )?[\\d.,]+ (bytes|KB|MB)|–"), tr.text());
        assertEquals(200, app.get(tr.selectFirst("th a").attr("href")).statusCode());
      }
      Element licence = doc.getElementById("licence-title").parent();
      assertTrue(licence.text().contains("No separate licence"), licence.text());
      assertNotNull(licence.selectFirst(".citation"));
      assertFalse(licence.selectFirst(".citation").text().isBlank());
      assertTrue(licence.selectFirst(".citation").text()
          .matches("AI Industry Monitor, dataset, data version \\d+, accessed \\d{4}-\\d{2}-\\d{2}, http://127\\.0\\.0\\.1:\\d+/data\\."),
          licence.selectFirst(".citation").text());
      assertEquals("Data downloads", doc.selectFirst("h1").text());
      assertEquals(List.of("File", "Holds", "Format", "Rows", "Size"), doc.select("table.downloads th[scope=col]").eachText());
      assertEquals("One row per cited page: publisher, title, link, date, language, reliability.",
          rows.get(5).select("td").get(0).text());
    }
  }

  @Test
  void theSizesOnTheDataPageAreTheSizesOfTheFilesServedAndFollowAnImport() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      // Measured when the import commits, not by writing the files on a page view.
      org.aimonitor.TestData.importCsv(app.db(), "more.csv",
          org.aimonitor.TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 300));
      Document doc = Jsoup.parse(app.get("/data").body());
      Element observations = doc.select("table.downloads tbody tr").get(7);
      assertEquals(String.valueOf(org.aimonitor.Seed.OBSERVATIONS + 300), observations.select("td").get(2).text());
      byte[] file = app.send(HttpRequest.newBuilder(URI.create(app.url("/data/observations.csv")))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
      assertEquals(DownloadHandler.size(file.length, org.aimonitor.i18n.Text.EN),
          observations.select("td").get(3).text());
      // A change made around the importer (here by hand) is measured again, not shown stale.
      app.db().jdbi().useHandle(h -> h.execute("DELETE FROM observation WHERE note LIKE 'Synthetic%'"));
      assertEquals(String.valueOf(org.aimonitor.Seed.OBSERVATIONS), Jsoup.parse(app.get("/data").body())
          .select("table.downloads tbody tr").get(7).select("td").get(2).text());
    }
  }

  @Test
  void csvDownloadsStreamCompressedWithAValidatorAndAnswer304WhenUnchanged() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      // About 300 KB: more than any buffer on the way, so a streamed file arrives chunked.
      String months = org.aimonitor.TestData.syntheticMonths("ai_core_industry_scale", "ecns-2026-03-05", 1000);
      org.aimonitor.TestData.importCsv(app.db(), "us.csv", months);
      org.aimonitor.TestData.importCsv(app.db(), "world.csv", months.replace(",US,", ",WORLD,"));
      org.aimonitor.TestData.importCsv(app.db(), "gc.csv", months.replace(",US,", ",CN-GC,"));
      for (String path : List.of("/data/observations.csv", "/indicators/ai_core_industry_scale.csv")) {
        HttpResponse<String> plain = app.get(path);
        HttpResponse<byte[]> gz = app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), path);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
          assertEquals(plain.body(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), path);
        }
        assertTrue(plain.body().length() > 250_000, path);
        assertTrue(plain.headers().firstValue("Content-Length").isEmpty(), "streamed as it is read: " + path);
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = app.get(path, "If-None-Match", etag);
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.body());
        String another = path.startsWith("/data") ? "xinhua-2025-10-01" : "yicai-2025-09-24";
        org.aimonitor.TestData.importCsv(app.db(), "x.csv", org.aimonitor.TestData.syntheticMonths(
            "ai_core_industry_scale", another, 1).replace(",1,Synthetic", ",0,Synthetic"));
        assertEquals(200, app.get(path, "If-None-Match", etag).statusCode(), "an import changes it: " + path);
      }
    }
  }

  @Test
  void dataPageInChineseDescribesTheSameDownloadsInChinese() {
    try (TestApp app = TestApp.start(dir)) {
      HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/data")))
          .header("Accept-Language", "zh-CN,zh;q=0.9").GET().build());
      assertEquals(200, r.statusCode());
      Document doc = Jsoup.parse(r.body());
      assertEquals("zh-CN", doc.selectFirst("html").attr("lang"));
      assertEquals("数据下载", doc.selectFirst("h1").text());
      assertEquals("数据下载 · 人工智能产业监测", doc.selectFirst("title").text());
      assertTrue(doc.selectFirst(".as-of").text().matches("数据版本\\d+"), doc.selectFirst(".as-of").text());
      assertEquals(List.of("文件", "内容", "格式", "行数", "大小"), doc.select("table.downloads th[scope=col]").eachText());
      List<Element> rows = doc.select("table.downloads tbody tr");
      assertEquals(List.of("languages.csv", "categories.csv", "units.csv", "regions.csv", "aliases.csv",
          "sources.csv", "indicators.csv", "observations.csv", "events.csv", "schedules.csv", "monitor.xlsx",
          "monitor.sqlite"),
          rows.stream().map(tr -> tr.selectFirst("th a").text()).toList(), "file names stay as they are");
      assertEquals("每个引用网页一行：出版方、标题、链接、日期、语言、可信度。", rows.get(5).select("td").get(0).text());
      assertEquals("CSV（UTF-8，RFC 4180）", rows.get(5).select("td").get(1).text());
      assertEquals(List.of("3", "7", "7", "26", String.valueOf(org.aimonitor.Seed.ALIASES),
          String.valueOf(org.aimonitor.Seed.SOURCES), String.valueOf(org.aimonitor.Seed.INDICATORS),
          String.valueOf(org.aimonitor.Seed.OBSERVATIONS), String.valueOf(org.aimonitor.Seed.EVENTS), "12",
          "–", "–"),
          rows.stream().map(tr -> tr.select("td").get(2).text()).toList());
      for (Element tr : rows) {
        assertTrue(tr.select("td").get(3).text().matches("(约)?[\\d.]+(字节| KB| MB)|–"), tr.text());
      }
      assertTrue(rows.get(11).select("td").get(3).text().startsWith("约"));
      Element licence = doc.getElementById("licence-title").parent();
      assertEquals("许可与引用", doc.getElementById("licence-title").text());
      assertTrue(licence.text().contains("本汇编未另行授予任何许可"), licence.text());
      assertTrue(licence.selectFirst(".citation").text()
          .matches("人工智能产业监测，数据集，数据版本\\d+，访问日期\\d{4}年\\d{1,2}月\\d{1,2}日，http://127\\.0\\.0\\.1:\\d+/data。"),
          licence.selectFirst(".citation").text());
      assertEquals("在电子表格中打开CSV文件", doc.getElementById("safety-title").text());
      assertEquals(6, doc.getElementById("safety-title").parent().select("code").size(), "the markup survives");
    }
  }

  @Test
  void sizesAreWrittenForPeople() {
    assertEquals("812 bytes", DownloadHandler.size(812, org.aimonitor.i18n.Text.EN));
    assertEquals("20.6 KB", DownloadHandler.size(21_143, org.aimonitor.i18n.Text.EN));
    assertEquals("1.5 MB", DownloadHandler.size(1_572_864, org.aimonitor.i18n.Text.EN));
    assertEquals("812字节", DownloadHandler.size(812, org.aimonitor.i18n.Text.ZH));
    assertEquals("20.6 KB", DownloadHandler.size(21_143, org.aimonitor.i18n.Text.ZH));
    assertEquals("1,000 KB", DownloadHandler.size(1_024_000, org.aimonitor.i18n.Text.EN));
    assertEquals("1000 KB", DownloadHandler.size(1_024_000, org.aimonitor.i18n.Text.ZH));
  }
}
