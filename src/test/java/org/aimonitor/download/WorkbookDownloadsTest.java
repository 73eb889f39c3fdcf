package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.aimonitor.AppExtension;
import org.aimonitor.store.CsvTable;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook downloads, opened with two real readers: fastexcel-reader (sheets, cell types,
 * values) and openpyxl (hyperlinks, frozen header, filters, number formats).
 */
class WorkbookDownloadsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"click\")";

  @TempDir
  static Path dir;

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  @BeforeAll
  static void start() {
    // A hostile source and figure: text that a spreadsheet would run as a formula.
    app.db().jdbi().useHandle(h -> {
      h.execute("INSERT INTO source (id, publisher, title, url, published_on, language, reliability, note)"
          + " VALUES ('evil-2025', ?, '@SUM(1+1)', 'https://evil.example/', '2025', 'en', 'low', '-2+3')",
          EVIL);
      h.execute("INSERT INTO observation (indicator, region, period, value, qualifier, source, headline, note)"
          + " VALUES ('ai_core_industry_growth', 'CN', '2021', '-3.5', 'reported', 'evil-2025', 0,"
          + " '+cmd|'' /C calc''!A0')");
    });
  }

  private static Path download(String path) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path);
    assertEquals(Workbooks.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""), path);
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx\""), path);
    Path file = Files.createTempFile(dir, "download", ".xlsx");
    Files.write(file, r.body());
    return file;
  }

  private static List<String> sheetNames(Path xlsx) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      return wb.getSheets().map(Sheet::getName).toList();
    }
  }

  private static List<Row> rows(Path xlsx, String sheet) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      return wb.findSheet(sheet).orElseThrow().read();
    }
  }

  @Test
  void theDatasetWorkbookHasAReadMeThenEveryTableInImportOrderWithItsCsvColumns() throws Exception {
    Path xlsx = download("/data/monitor.xlsx");
    List<String> expected = new ArrayList<>(List.of("Read me"));
    for (CsvTable t : CsvTable.values()) {
      expected.add(DatasetWorkbook.sheetName(t));
    }
    assertEquals(expected, sheetNames(xlsx));
    for (CsvTable table : CsvTable.values()) {
      List<Row> rows = rows(xlsx, DatasetWorkbook.sheetName(table));
      List<String> header = rows.get(0).stream().map(Cell::getText).toList();
      assertEquals(table.columns(), header, table.fileName());
      String csv = app.get("/data/" + table.fileName()).body();
      int csvRows = table.read(table.fileName(), new StringReader(csv)).size();
      assertEquals(csvRows, rows.size() - 1, table.fileName() + ": as many rows as the CSV");
    }
    List<Row> observations = rows(xlsx, "observations");
    int value = CsvTable.OBSERVATIONS.columns().indexOf("value");
    int headline = CsvTable.OBSERVATIONS.columns().indexOf("headline");
    int period = CsvTable.OBSERVATIONS.columns().indexOf("period");
    for (Row r : observations.subList(1, observations.size())) {
      assertEquals(CellType.NUMBER, r.getCell(value).getType(), "values are numbers: " + r);
      assertEquals(CellType.NUMBER, r.getCell(headline).getType(), "flags are numbers: " + r);
      assertEquals(CellType.STRING, r.getCell(period).getType(), "periods stay text: " + r);
    }
    Row first = observations.get(1);
    assertEquals(0, new BigDecimal("15.2").compareTo(first.getCell(value).asNumber()));

    JsonNode book = Openpyxl.read(xlsx);
    JsonNode sources = Openpyxl.sheet(book, "sources");
    assertEquals("A2", sources.get("freeze").asText(), "the header row is frozen");
    assertTrue(sources.get("filter").asText().startsWith("A1:"), "filters are on");
    int url = Openpyxl.column(sources, "url");
    JsonNode link = sources.get("rows").get(1).get(url);
    assertEquals(link.get("v").asText(), link.get("link").asText(), "a source's link is a hyperlink");
    JsonNode readMe = Openpyxl.sheet(book, "Read me");
    String text = readMe.toString();
    assertTrue(text.contains("How to cite"), text);
    assertTrue(text.contains("data version"), text);
    assertTrue(text.contains("lower bound"), "the qualifier legend: " + text);
  }

  @Test
  void anIndicatorWorkbookInChineseCarriesUnitQualifierPeriodPlaceAndLinkedSource() throws Exception {
    String params = "?region=CN&from=2020&lang=zh";
    Path xlsx = download("/indicators/ai_core_industry_scale.xlsx" + params);
    assertEquals(List.of("说明", "数据"), sheetNames(xlsx));
    JsonNode book = Openpyxl.read(xlsx);
    JsonNode figures = Openpyxl.sheet(book, "数据");
    assertEquals("A2", figures.get("freeze").asText());
    assertFalse(figures.get("filter").isNull());
    int value = Openpyxl.column(figures, "数值");
    int unit = Openpyxl.column(figures, "单位");
    int qualifier = Openpyxl.column(figures, "限定");
    int place = Openpyxl.column(figures, "地区");
    int period = Openpyxl.column(figures, "时期");
    int link = Openpyxl.column(figures, "链接");
    int publisher = Openpyxl.column(figures, "发布机构");
    String csv = app.get("/indicators/ai_core_industry_scale.csv" + params).body();
    List<CsvTable.Row> csvRows = CsvTable.OBSERVATIONS.read("x.csv", new StringReader(csv));
    JsonNode rows = figures.get("rows");
    assertEquals(csvRows.size(), rows.size() - 1, "the same figures as the CSV twin");
    boolean lowerBound = false;
    for (int i = 1; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      CsvTable.Row twin = csvRows.get(i - 1);
      assertEquals("n", r.get(value).get("t").asText(), "a number: " + r);
      // Billions of yuan in 亿元 (10^8): 15.2 billion is 152亿元, two decimals become one.
      assertEquals(0, new BigDecimal(twin.get("value")).movePointRight(1)
          .compareTo(r.get(value).get("v").decimalValue()), r.toString());
      assertEquals("#,##0.0", r.get(value).get("fmt").asText(), "the indicator's decimals, scaled");
      assertEquals("亿元", r.get(unit).get("v").asText());
      assertTrue(r.get(place).get("v").asText().startsWith("中国"), r.toString());
      assertTrue(r.get(period).get("v").asText().contains("年"), r.toString());
      assertTrue(r.get(link).get("link").asText().startsWith("http"), "a hyperlink: " + r);
      assertFalse(r.get(publisher).get("v").asText().isBlank());
      lowerBound |= twin.get("qualifier").equals("lower_bound");
      if (twin.get("qualifier").equals("lower_bound")) {
        assertEquals("下限", r.get(qualifier).get("v").asText());
      }
    }
    assertTrue(lowerBound, "the view has a lower bound, whose qualifier is checked");
    String readMe = Openpyxl.sheet(book, "说明").toString();
    assertTrue(readMe.contains("引用方式") && readMe.contains("数据版本"), readMe);
  }

  @Test
  void aHostileCellStaysTextAndNoCellIsAFormula() throws Exception {
    for (String path : List.of("/indicators/ai_core_industry_growth.xlsx", "/data/monitor.xlsx")) {
      Path xlsx = download(path);
      String sheet = path.startsWith("/data") ? "sources" : "Figures";
      JsonNode s = Openpyxl.sheet(Openpyxl.read(xlsx), sheet);
      int publisher = Openpyxl.column(s, path.startsWith("/data") ? "publisher" : "Publisher");
      boolean found = false;
      for (JsonNode r : s.get("rows")) {
        if (r.size() > publisher && EVIL.equals(r.get(publisher).get("v").asText())) {
          assertEquals("s", r.get(publisher).get("t").asText(), "text, not a formula");
          found = true;
        }
      }
      assertTrue(found, path);
      try (ZipFile zip = new ZipFile(xlsx.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          if (e.getName().startsWith("xl/worksheets/")) {
            String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(xml.contains("<f>") || xml.contains("<f "), e.getName() + " has a formula");
          }
        }
      }
    }
  }

  @Test
  void aPlaceAndARankingHaveWorkbooksToo() throws Exception {
    Path place = download("/regions/CN.xlsx");
    assertEquals(List.of("Read me", "Figures"), sheetNames(place));
    assertTrue(rows(place, "Figures").size() > 10);

    Path ranking = download("/indicators/ai_enterprises/ranking.xlsx?lang=zh");
    assertEquals(List.of("说明", "排名"), sheetNames(ranking));
    List<Row> rows = rows(ranking, "排名");
    assertEquals("排名", rows.get(0).getCell(0).getText());
    assertTrue(rows.size() > 2, "places are ranked");
    assertEquals(CellType.NUMBER, rows.get(1).getCell(0).getType(), "a rank is a number");
    assertEquals(0, BigDecimal.ONE.compareTo(rows.get(1).getCell(0).asNumber()));
  }

  @Test
  void anUnknownIndicatorOrPlaceIsANotFoundPage() throws Exception {
    for (String path : List.of("/indicators/no_such.xlsx", "/regions/XX-NOPE.xlsx",
        "/indicators/no_such/ranking.xlsx")) {
      HttpResponse<String> r = app.get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    }
    assertNull(null);
  }
}
