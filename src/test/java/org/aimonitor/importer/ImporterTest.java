package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aimonitor.TestData;
import org.aimonitor.SeededDatabase;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation, no-op re-imports and revisions, against a real seeded SQLite file. */
class ImporterTest {

  static final String OBS = TestData.OBSERVATIONS_HEADER;
  static final String GOOD = "ai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n";

  @TempDir
  Path dir;
  Database db;
  Importer importer;

  @BeforeEach
  void seed() {
    db = SeededDatabase.open(dir.resolve("monitor.db"));
    importer = new Importer(db);
  }

  static ImportFile file(String name, String text) {
    return new ImportFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Malformed inputs, each with the first error it must be rejected with. */
  static Stream<Arguments> corpus() {
    byte[] oversize = new byte[Importer.MAX_FILE_BYTES + 1];
    Arrays.fill(oversize, (byte) 'a');
    return Stream.of(
        Arguments.of("bad header", file("h.csv", "indicator,region,period,val,qualifier,source,headline,note\n"
            + GOOD), "h.csv:1:1: missing column \"value\""),
        Arguments.of("bad number", file("n.csv", OBS
            + GOOD.replace("12.5", "\"12,5x\"")), "n.csv:2:4: value \"12,5x\" is not a number (a plain decimal like 12.5)"),
        Arguments.of("NaN", file("nan.csv", OBS + GOOD.replace("12.5", "NaN")),
            "nan.csv:2:4: value \"NaN\" is not a number (a plain decimal like 12.5)"),
        Arguments.of("exponent", file("e.csv", OBS + GOOD.replace("12.5", "1e3")),
            "e.csv:2:4: value \"1e3\" is not a number (a plain decimal like 12.5)"),
        Arguments.of("bad period", file("p.csv", OBS + GOOD.replace("2019", "2019-13")),
            "p.csv:2:3: month 13 is not between 1 and 12"),
        Arguments.of("unknown indicator", file("i.csv", OBS + GOOD.replace("ai_core_industry_scale", "ai_magic")),
            "i.csv:2:1: unknown indicator \"ai_magic\""),
        Arguments.of("unknown source", file("s.csv", OBS + GOOD.replace("ecns-2026-03-05", "nowhere")),
            "s.csv:2:6: unknown source \"nowhere\""),
        Arguments.of("bad qualifier", file("q.csv", OBS + GOOD.replace("reported", "guess")),
            "q.csv:2:5: qualifier \"guess\" is not one of reported, approx, lower_bound, derived, forecast, target"),
        Arguments.of("duplicate", file("d.csv", OBS + GOOD + GOOD.replace("12.5", "13")),
            "d.csv:3:1: duplicate of the row on line 2 (same indicator, region, period, source)"),
        Arguments.of("unterminated quote", file("u.csv", OBS + GOOD + "ai_core_industry_scale,CN,2018,\"1,reported,x,0,\n"),
            "u.csv:3:1: a quoted field is never closed (unterminated \")"),
        Arguments.of("empty file", file("empty.csv", ""), "empty.csv:1:1: file is empty"),
        Arguments.of("binary garbage", new ImportFile("bin.csv", new byte[] {'a', ',', 0, 1, 2, (byte) 0xff}),
            "bin.csv:1:3: contains a NUL byte: not a text file"),
        Arguments.of("invalid UTF-8", new ImportFile("latin1.csv", (OBS + "ai_core_industry_scale,CN,2019,1,reported,"
            + "ecns-2026-03-05,1,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)),
            "latin1.csv:2:64: is not valid UTF-8 (byte 0xe9)"),
        Arguments.of("oversize", new ImportFile("big.csv", oversize),
            "big.csv:1:1: file is 5242881 bytes, over the limit of 5242880"),
        Arguments.of("unknown table", file("x.csv", "a,b,c\n1,2,3\n"), "x.csv:1:1: missing column \"language\""),
        Arguments.of("second headline", file("hl.csv", OBS
            + "ai_core_industry_scale,CN,2024,950,lower_bound,ecns-2026-03-05,1,\n"),
            "hl.csv:2:7: second headline for ai_core_industry_scale CN 2024 (also headline: source xinhua-2025-10-01)"),
        Arguments.of("impossible date", file("ev.csv", "date,category,title_en,title_zh,description_en,source\n"
            + "2025-02-30,policy,T,标题,,ecns-2026-03-05\n"), "ev.csv:2:1: date \"2025-02-30\" does not exist"),
        // chinese: a Chinese text translates the English one of its row.
        Arguments.of("Chinese note without an English one", file("zh1.csv", OBS.strip() + ",note_zh\n"
            + GOOD.strip() + ",说明\n"),
            "zh1.csv:2:9: note_zh is set but note is empty: the Chinese text translates the English one"),
        Arguments.of("Chinese note in English", file("zh2.csv", OBS.strip() + ",note_zh\n"
            + GOOD.replace(",1,\n", ",1,CAICT estimate,CAICT estimate\n")),
            "zh2.csv:2:9: note_zh \"CAICT estimate\" has no Chinese character"),
        Arguments.of("Chinese description with a space at the end", file("zh3.csv",
            "date,category,title_en,title_zh,description_en,description_zh,source\n"
            + "2025-02-03,policy,T,标题,Issued.,\"已印发。 \",ecns-2026-03-05\n"),
            "zh3.csv:2:6: description_zh begins or ends with a space"),
        Arguments.of("bad vocabulary", file("src.csv", "id,publisher,title,url,published_on,language,reliability,note\n"
            + "new-src,P,T,https://example.org,2025-01-01,de,trusted,\n"),
            "src.csv:2:6: unknown language \"de\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectsMalformedFilesWithTheirLineAndColumnAndChangesNothing(String what, ImportFile file,
      String firstError) {
    String before = DatabaseDump.of(db);
    DataException e = assertThrows(DataException.class, () -> importer.apply(List.of(file), "test"));
    assertEquals(firstError, e.errors().get(0).toString());
    assertEquals(before, DatabaseDump.of(db), "the database is exactly as it was");
    assertFalse(importer.dryRun(List.of(file)).valid());
  }

  @Test
  void listsEveryErrorNotJustTheFirst() {
    DataException e = assertThrows(DataException.class, () -> importer.apply(List.of(file("o.csv", OBS
        + "ai_core_industry_scale,MARS,2019,x,guess,nope,2,\n"
        + "ai_core_industry_scale,CN,2019-Q5,1,reported,ecns-2026-03-05,0,\n")), "test"));
    assertEquals(List.of(
        "o.csv:2:2: unknown region \"MARS\"",
        "o.csv:2:4: value \"x\" is not a number (a plain decimal like 12.5)",
        "o.csv:2:5: qualifier \"guess\" is not one of reported, approx, lower_bound, derived, forecast, target",
        "o.csv:2:6: unknown source \"nope\"",
        "o.csv:2:7: headline \"2\" is not 0 or 1",
        "o.csv:3:3: quarter 5 is not between 1 and 4"),
        e.errors().stream().map(DataError::toString).toList());
  }

  @Test
  void capsTheNumberOfErrorsListed() {
    StringBuilder text = new StringBuilder(OBS);
    for (int i = 0; i < 150; i++) {
      text.append("ai_core_industry_scale,CN,2019,x").append(i).append(",reported,ecns-2026-03-05,0,\n");
    }
    DataException e = assertThrows(DataException.class,
        () -> importer.apply(List.of(file("many.csv", text.toString())), "test"));
    assertEquals(Importer.MAX_ERRORS + 1, e.errors().size());
    assertEquals("more errors not listed (50 more)", e.errors().get(Importer.MAX_ERRORS).message());
  }

  @Test
  void oneBadFileRejectsTheWholeImport() {
    String before = DatabaseDump.of(db);
    assertThrows(DataException.class, () -> importer.apply(List.of(
        file("good.csv", OBS + GOOD), file("bad.csv", OBS + GOOD.replace("2019", "2018").replace("12.5", "?"))),
        "test"));
    assertEquals(before, DatabaseDump.of(db));
  }

  @Test
  void acceptsAByteOrderMark() {
    ImportReport r = importer.apply(List.of(file("bom.csv", "\uFEFF" + OBS + GOOD)), "test");
    assertEquals(1, r.added());
  }

  @Test
  void reimportingTheSeedFilesChangesNothing() {
    String before = DatabaseDump.of(db).replaceAll("(?s)## import_log.*", "");
    ImportReport r = importer.apply(Seeder.seedFiles(), "test");
    assertEquals(0, r.added());
    assertEquals(0, r.changed());
    assertEquals(org.aimonitor.Seed.LANGUAGES + org.aimonitor.Seed.CATEGORIES + org.aimonitor.Seed.UNITS + org.aimonitor.Seed.REGIONS + org.aimonitor.Seed.SOURCES + org.aimonitor.Seed.INDICATORS
        + org.aimonitor.Seed.OBSERVATIONS + org.aimonitor.Seed.EVENTS + org.aimonitor.Seed.SCHEDULES + org.aimonitor.Seed.ALIASES, r.unchanged());
    assertEquals(before, DatabaseDump.of(db).replaceAll("(?s)## import_log.*", ""),
        "only the import log grows");
  }

  @Test
  void importingTheSameFileTwiceChangesNothingTheSecondTime() {
    ImportFile f = file("new.csv", OBS + GOOD);
    assertEquals(1, importer.apply(List.of(f), "test").added());
    long version = db.store().dataVersion();
    ImportReport again = importer.apply(List.of(f), "test");
    assertEquals(0, again.added() + again.changed());
    assertEquals(version, db.store().dataVersion());
  }

  @Test
  void referencesMayPointAtRowsAddedEarlierInTheSameImportWhateverTheFileOrder() {
    ImportReport r = importer.apply(List.of(
        file("obs.csv", OBS + "ai_new_indicator,CN,2025,1,reported,new-source,1,\n"),
        file("ind.csv", "code,category,name_en,name_zh,unit,unit_en,unit_zh,decimals,definition_en,definition_zh,measure\n"
            + "ai_new_indicator,scale,New,新,count,things,个,0,Def,定义,stock\n"),
        file("src.csv", "id,publisher,title,url,published_on,language,reliability,note\n"
            + "new-source,P,T,https://example.org/t,2026-01,en,news,\n")), "test");
    assertEquals(3, r.added());
    assertEquals(List.of("src.csv", "ind.csv", "obs.csv"),
        r.files().stream().map(ImportReport.FileSummary::name).toList(), "applied in dependency order");
  }

  @Test
  void aDryRunReportsChangesAndWritesNothing() {
    String before = DatabaseDump.of(db);
    ImportReport r = importer.dryRun(List.of(file("c.csv", OBS
        + "ai_core_industry_scale,CN,2024,950,lower_bound,xinhua-2025-10-01,1,new note\n" + GOOD)));
    assertTrue(r.valid());
    assertFalse(r.applied());
    assertEquals(1, r.added());
    assertEquals(1, r.changed());
    ImportReport.Change change = r.changes().stream().filter(c -> c.kind().equals("changed")).findFirst().orElseThrow();
    assertEquals(2, change.line());
    assertTrue(change.fields().contains("value: 900 → 950"), change.fields().toString());
    assertEquals(before, DatabaseDump.of(db));
  }

  @Test
  void aChangedObservationKeepsItsPreviousStateAsARevision() {
    String row = "ai_core_industry_scale,CN,2024,%s,lower_bound,xinhua-2025-10-01,1,%s\n";
    importer.apply(List.of(file("a.csv", OBS + row.formatted("950", "first revision"))), "alice");
    ImportReport second = importer.apply(List.of(file("b.csv", OBS + row.formatted("1000", "second revision"))), "bob");
    List<Map<String, Object>> revisions = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT * FROM revision WHERE table_name = 'observation' ORDER BY id").mapToMap().list());
    assertEquals(2, revisions.size());
    assertTrue(revisions.get(0).get("old_values").toString().contains("\"value\":\"900\""));
    assertTrue(revisions.get(1).get("old_values").toString().contains("\"value\":\"950\""));
    assertEquals(second.importId(), ((Number) revisions.get(1).get("import_id")).longValue());
    Map<String, Object> current = db.jdbi().withHandle(h -> h.createQuery("""
        SELECT value, note, import_id FROM observation
        WHERE indicator = 'ai_core_industry_scale' AND period = '2024' AND source = 'xinhua-2025-10-01'
        """).mapToMap().one());
    assertEquals("1000", current.get("value"));
    assertEquals(second.importId(), ((Number) current.get("import_id")).longValue());
  }

  @Test
  void everyAppliedImportIsLoggedWithWhoFilesHashesAndCounts() {
    ImportFile f = file("new.csv", OBS + GOOD);
    ImportReport r = importer.apply(List.of(f), "carol (command line)");
    Map<String, Object> log = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT * FROM import_log WHERE id = :id").bind("id", r.importId()).mapToMap().one());
    assertEquals("carol (command line)", log.get("who"));
    assertTrue(log.get("files").toString().contains(f.sha256()));
    assertTrue(log.get("files").toString().contains("new.csv"));
    assertEquals(1, ((Number) log.get("added")).intValue());
    List<String> seedLog = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT who FROM import_log ORDER BY id").mapTo(String.class).list());
    assertEquals(List.of("seed", "carol (command line)"), seedLog);
  }

  @Test
  void headlineMayMoveToAnotherSourceInOneImport() {
    ImportReport r = importer.apply(List.of(file("m.csv", OBS
        + "ai_core_industry_scale,CN,2024,900,lower_bound,xinhua-2025-10-01,0,\n"
        + "ai_core_industry_scale,CN,2024,900,lower_bound,yicai-2025-09-24,1,\n")), "test");
    assertEquals(2, r.changed());
  }

  @Test
  void readersSeeTheOldOrTheNewDataNeverAMix() throws Exception {
    StringBuilder text = new StringBuilder(OBS);
    org.aimonitor.TestData.observations(db).forEach(o -> text.append(String.join(",", o.indicator(), o.region(),
        o.period().code(), o.value().toPlainString(), o.qualifier().code(), o.source(),
        o.headline() ? "1" : "0", "\"rewritten\"")).append('\n'));
    List<String> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        var snapshot = org.aimonitor.TestData.everything(db);
        long rewritten = snapshot.observations().stream().filter(o -> o.note().equals("rewritten")).count();
        seen.add(rewritten + "/" + snapshot.observations().size());
      }
    });
    reader.start();
    importer.apply(List.of(file("all.csv", text.toString())), "test");
    reader.join();
    assertTrue(seen.stream().allMatch(s -> s.equals("0/" + org.aimonitor.Seed.OBSERVATIONS) || s.equals(org.aimonitor.Seed.OBSERVATIONS + "/" + org.aimonitor.Seed.OBSERVATIONS)), seen.toString());
  }
}
