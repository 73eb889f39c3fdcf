package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aimonitor.TestApp;
import org.aimonitor.store.Column;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks in, as staff edit them: the product's own {@code /data/monitor.xlsx}, edited with a
 * real writer (openpyxl, Debian's) and uploaded, imports with only the edit as a change; cells a
 * CSV file cannot hold are refused where a spreadsheet user finds them.
 */
class WorkbookImportTest {

  static final String TOKEN = "test-admin-token-0123456789";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String EVIL = "=HYPERLINK(\"https://evil.example/\",\"click\")";
  static final List<String> OBS = CsvTable.OBSERVATIONS.columns();
  /** A figure the seed does not have, as the cells of observations.csv. */
  static final List<String> NEW_ROW = List.of("ai_core_industry_scale", "CN", "2019", "12.5",
      "reported", "ecns-2026-03-05", "1", "", "0", "0", "");

  @TempDir
  static Path dir;
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir, TOKEN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static byte[] download() {
    return download("/data/monitor.xlsx");
  }

  static byte[] download(String path) {
    HttpResponse<byte[]> r = app.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  /** Edits one cell with openpyxl (edit_xlsx.py) and returns the saved workbook. */
  static byte[] edit(byte[] xlsx, String sheet, int row, String header, String kind, String value)
      throws Exception {
    Path script = Files.createTempFile(dir, "edit_xlsx", ".py");
    try (InputStream in = WorkbookImportTest.class.getResourceAsStream("edit_xlsx.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path src = Files.write(Files.createTempFile(dir, "in", ".xlsx"), xlsx);
    Path out = dir.resolve("out-" + System.nanoTime() + ".xlsx");
    Path err = Files.createTempFile(dir, "edit", ".err");
    Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), src.toString(), out.toString(),
        sheet, String.valueOf(row), header, kind, value).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, () -> readQuietly(err));
    return Files.readAllBytes(out);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  static HttpResponse<String> upload(String name, byte[] xlsx) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import?name=" + name)))
        .header("Content-Type", XLSX).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx)).build());
  }

  /** The sheet row (1 is the header) of the observation stored with id {@code id}. */
  static String stored(String column, int sheetRow) {
    return app.db().jdbi().withHandle(h -> h.createQuery("SELECT " + column
        + " FROM observation ORDER BY id LIMIT 1 OFFSET :n").bind("n", sheetRow - 2).mapTo(String.class).one());
  }

  @Test
  void theDownloadedWorkbookEditedInOneCellImportsWithThatOneChange() throws Exception {
    String before = stored("value", 5);
    String value = new BigDecimal(before).add(BigDecimal.ONE).stripTrailingZeros().toPlainString();
    byte[] edited = edit(download(), "observations", 5, "value", "number", value + ".5");
    HttpResponse<String> r = upload("monitor.xlsx", edited);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode result = new ObjectMapper().readTree(r.body());
    assertEquals(0, result.get("added").asInt(), r.body());
    assertEquals(1, result.get("changed").asInt(), r.body());
    JsonNode change = result.get("changes").get(0);
    assertEquals("monitor.xlsx (sheet observations)", change.get("file").asText());
    assertEquals(5, change.get("line").asInt(), "the sheet's row");
    assertEquals("value: " + before + " → " + value + ".5", change.get("fields").get(0).asText());
    assertEquals(value + ".5", stored("value", 5), "stored as the text the CSV would have had");

    // The same workbook again changes nothing; a hostile text cell stays text, in and out.
    assertEquals(0, new ObjectMapper().readTree(upload("monitor.xlsx", edited).body()).get("changed").asInt());
    byte[] hostile = edit(download(), "observations", 6, "note", "text", EVIL);
    JsonNode second = new ObjectMapper().readTree(upload("monitor.xlsx", hostile).body());
    assertEquals(1, second.get("changed").asInt(), second.toString());
    assertEquals(EVIL, stored("note", 6));
    try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(download()))) {
      Row row = wb.findSheet("observations").orElseThrow().read().get(5);
      int note = OBS.indexOf("note");
      assertEquals(CellType.STRING, row.getCell(note).getType(), "written as text, never a formula");
      assertEquals(EVIL, row.getCell(note).asString());
    }
  }

  /** A workbook of one sheet named {@code sheet}: the observations header, then {@code fill}'s rows. */
  static ImportFile workbook(String name, String sheet, java.util.function.Consumer<Worksheet> fill) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet(sheet);
    for (int c = 0; c < OBS.size(); c++) {
      ws.inlineString(0, c, OBS.get(c));
    }
    fill.accept(ws);
    wb.finish();
    return new ImportFile(name, out.toByteArray());
  }

  /** Writes {@link #NEW_ROW} into row {@code r} (0-based), value as a number. */
  static void newRow(Worksheet ws, int r) {
    for (int c = 0; c < OBS.size(); c++) {
      if (OBS.get(c).equals("value")) {
        ws.value(r, c, new BigDecimal(NEW_ROW.get(c)));
      } else if (!NEW_ROW.get(c).isEmpty()) {
        ws.inlineString(r, c, NEW_ROW.get(c));
      }
    }
  }

  static List<String> errors(ImportFile... files) {
    ImportReport report = new Importer(app.db()).dryRun(List.of(files));
    assertFalse(report.valid(), "refused");
    return report.errors().stream().map(DataError::toString).toList();
  }

  @Test
  void aWorkbookOfOneTableImportsLikeItsCsvFile() throws Exception {
    ImportFile file = workbook("observations.xlsx", "Sheet1", ws -> newRow(ws, 1));
    ImportReport report = new Importer(app.db()).dryRun(List.of(file));
    assertTrue(report.valid(), report.errors().toString());
    assertEquals(1, report.added());
    assertEquals("ai_core_industry_scale/CN/2019/ecns-2026-03-05", report.changes().get(0).key());
    assertEquals("observations.xlsx (sheet Sheet1)", report.changes().get(0).file());
  }

  @Test
  void aFormulaIsRefusedAndSaidToBeOne() throws Exception {
    ImportFile file = workbook("observations.xlsx", "observations", ws -> {
      newRow(ws, 1);
      newRow(ws, 13);
      ws.formula(13, OBS.indexOf("value"), "SUM(D2:D3)");
    });
    assertEquals(List.of("observations.xlsx: sheet observations, row 14, column \"value\": a formula"
        + " (=SUM(D2:D3)): type the value itself; text that begins with \"=\" is fine when typed as text"),
        errors(file));
  }

  @Test
  void aDateWhereTextIsExpectedIsRefused() throws Exception {
    ImportFile file = workbook("observations.xlsx", "observations", ws -> {
      newRow(ws, 1);
      ws.value(1, OBS.indexOf("period"), LocalDate.of(2019, 1, 1));
      ws.style(1, OBS.indexOf("period")).format("yyyy-mm-dd").set();
    });
    List<String> errors = errors(file);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("observations.xlsx: sheet observations, row 2, column \"period\":"
        + " a date (2019-01-01) where text is expected"), errors.get(0));
  }

  @Test
  void mergedCellsAreRefused() throws Exception {
    ImportFile file = workbook("observations.xlsx", "observations", ws -> {
      newRow(ws, 1);
      ws.range(1, 7, 1, 8).merge();
    });
    assertEquals(List.of("observations.xlsx: sheet observations: has merged cells (H2:I2): unmerge them,"
        + " so that every value sits in its own row and column"), errors(file));
  }

  @Test
  void aSheetNotNamedLikeATableIsRefusedBesideTableSheets() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    wb.newWorksheet("Read me").inlineString(0, 0, "skipped");
    Worksheet obs = wb.newWorksheet("observations");
    for (int c = 0; c < OBS.size(); c++) {
      obs.inlineString(0, c, OBS.get(c));
    }
    wb.newWorksheet("Observations 2").inlineString(0, 0, "x");
    wb.finish();
    List<String> errors = errors(new ImportFile("book.xlsx", out.toByteArray()));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("book.xlsx: sheet Observations 2: not named like a table"), errors.get(0));
  }

  @Test
  void aCellErrorLocatesItsSheetRowAndColumnAndNothingIsWritten() throws Exception {
    ImportFile bad = workbook("observations.xlsx", "observations", ws -> {
      newRow(ws, 1);
      ws.inlineString(1, OBS.indexOf("qualifier"), "rumoured");
    });
    long before = app.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM observation")
        .mapTo(Long.class).one());
    DataException e = assertThrows(DataException.class, () -> new Importer(app.db()).apply(List.of(bad), "test"));
    assertTrue(e.errors().get(0).toString().startsWith(
        "observations.xlsx: sheet observations, row 2, column \"qualifier\": "), e.errors().toString());
    long after = app.db().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM observation")
        .mapTo(Long.class).one());
    assertEquals(before, after, "nothing written");
  }

  @Test
  void numbersReadAsTheCsvWritesThem() {
    assertEquals("508.0", WorkbookFile.number("508.0", Column.Type.DECIMAL), "a plain decimal as given");
    assertEquals("1.5", WorkbookFile.number("1.5", Column.Type.DECIMAL));
    assertEquals("1500", WorkbookFile.number("1.5E3", Column.Type.DECIMAL), "no exponent");
    assertEquals("0.0000001", WorkbookFile.number("1E-7", Column.Type.DECIMAL));
    assertEquals("1.5", WorkbookFile.number("1.5000000000000002", Column.Type.DECIMAL),
        "a binary fraction's noise beyond Excel's 15 digits");
    assertEquals("1", WorkbookFile.number("1.0", Column.Type.INTEGER));
    assertEquals("2025", WorkbookFile.number("2025", Column.Type.TEXT));
  }

  @Test
  void theCommandLineImportsAWorkbookAndLocatesARefusedCell(@TempDir Path cliDir) throws Exception {
    java.util.function.Function<ImportFile, String[]> run = file -> {
      try {
        Path path = Files.write(cliDir.resolve(file.name()), file.bytes());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = org.aimonitor.cli.Cli.run(new String[] {"import", path.toString()},
            java.util.Map.of("AIM_DB_PATH", cliDir.resolve("db/monitor.db").toString()),
            new java.io.PrintWriter(out), new java.io.PrintWriter(err)).orElseThrow();
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    String[] refused = run.apply(workbook("formula.xlsx", "observations", ws -> {
      newRow(ws, 1);
      ws.formula(1, OBS.indexOf("value"), "1+1");
    }));
    assertEquals("1", refused[0], refused[1] + refused[2]);
    assertTrue(refused[2].contains("formula.xlsx: sheet observations, row 2, column \"value\": a formula (=1+1)"),
        refused[2]);
    String[] applied = run.apply(workbook("observations.xlsx", "observations", ws -> newRow(ws, 1)));
    assertEquals("0", applied[0], applied[1] + applied[2]);
    assertTrue(applied[1].contains("1 added, 0 changed"), applied[1]);
  }

  @Test
  void aWorkbookThatUnpacksToTooMuchIsRefusedBeforeItIsRead() throws Exception {
    ImportFile small = workbook("bomb.xlsx", "observations", ws -> newRow(ws, 1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(
        toDeflated(small.bytes())));
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        in.transferTo(zip);
      }
      // A part of zeros: a few hundred kilobytes packed, more than the limit unpacked.
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (long n = 0; n <= WorkbookFile.MAX_UNPACKED_BYTES; n += zeros.length) {
        zip.write(zeros);
      }
    }
    assertTrue(out.size() < Importer.MAX_FILE_BYTES, "under the upload limit: " + out.size());
    List<String> errors = errors(new ImportFile("bomb.xlsx", out.toByteArray()));
    assertEquals(List.of("bomb.xlsx: is not a readable .xlsx workbook (unpacks to more than 128 MB)"), errors);
  }

  /** The same package with sizes in its local headers, so the JDK's stream reader reads it. */
  private static byte[] toDeflated(byte[] xlsx) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
        .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx)).get();
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (var e : java.util.Collections.list(zip.getEntries())) {
        z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        try (InputStream in = zip.getInputStream(e)) {
          in.transferTo(z);
        }
      }
    }
    return out.toByteArray();
  }

  @Test
  void anExcel97WorkbookIsRefusedWithWhatToDo() {
    byte[] ole2 = new byte[512];
    byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(signature, 0, ole2, 0, signature.length);
    assertEquals(List.of("old.xls: is an Excel 97–2003 workbook (.xls): save it as an Excel workbook"
        + " (.xlsx), or each sheet as CSV UTF-8"), errors(new ImportFile("old.xls", ole2)));
  }

  @Test
  void theChineseDownloadImportsUnchangedItsReadMeSheetSkipped() {
    byte[] zh = download("/data/monitor.xlsx?lang=zh");
    ImportReport report = new Importer(app.db()).dryRun(List.of(new ImportFile("monitor.xlsx", zh)));
    assertTrue(report.valid(), report.errors().toString());
    assertEquals(0, report.added() + report.changed(), report.changes().toString());
    assertEquals(CsvTable.values().length, report.files().size(), "a summary per table sheet, none for 说明");
  }
}
