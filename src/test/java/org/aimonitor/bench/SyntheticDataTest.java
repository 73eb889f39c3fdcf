package org.aimonitor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aimonitor.SeededDatabase;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.ImportReport;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic dataset imports through the real importer and can never pass for real data. */
class SyntheticDataTest {

  private static final int SCALE = 2;
  private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");

  @TempDir
  Path dir;

  @Test
  void importsCleanlyThroughTheRealImporterWithTheExpectedCounts() throws IOException {
    Path out = dir.resolve("out");
    List<Path> files = SyntheticData.write(SCALE, out);
    assertEquals(List.of("0-languages-001.csv", "1-categories-001.csv", "2-units-001.csv",
        "3-regions-001.csv", "3a-aliases-001.csv", "4-sources-001.csv", "5-indicators-001.csv", "6-observations-001.csv",
        "7-events-001.csv", "8-schedules-001.csv"),
        files.stream().map(f -> f.getFileName().toString()).toList());
    assertEquals(files.stream().sorted().toList(), files, "name order is import order");

    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    Importer importer = new Importer(db);
    int added = 0;
    for (Path file : files) {
      ImportReport report = importer.apply(
          List.of(new ImportFile(file.getFileName().toString(), Files.readAllBytes(file))), "test");
      assertEquals(0, report.changed() + report.unchanged(), file + " holds only new rows");
      added += report.added();
    }
    int perScale = SyntheticData.LANGUAGES_PER_SCALE + SyntheticData.CATEGORIES_PER_SCALE
        + SyntheticData.UNITS_PER_SCALE + SyntheticData.REGIONS_PER_SCALE
        + SyntheticData.ALIASES_PER_SCALE + SyntheticData.SOURCES_PER_SCALE + SyntheticData.INDICATORS_PER_SCALE
        + SyntheticData.OBSERVATIONS_PER_SCALE + SyntheticData.EVENTS_PER_SCALE
        + SyntheticData.SCHEDULES_PER_SCALE;
    assertEquals(SCALE * perScale, added);
    assertEquals(SCALE * 3, count(db, "SELECT count(*) FROM language WHERE code LIKE 'qsy-%'"));
    assertEquals(SCALE * 7, count(db, "SELECT count(*) FROM category WHERE code LIKE 'synthetic\\_%' ESCAPE '\\'"));
    assertEquals(SCALE * 7, count(db, "SELECT count(*) FROM unit WHERE code LIKE 'synthetic\\_%' ESCAPE '\\'"));
    assertEquals(SCALE * SyntheticData.SOURCES_PER_SCALE, count(db, "SELECT count(*) FROM source WHERE id LIKE 'synthetic-src-%'"));
    assertEquals(SCALE * SyntheticData.INDICATORS_PER_SCALE, count(db, "SELECT count(*) FROM indicator WHERE code LIKE 'synthetic\\_%' ESCAPE '\\'"));
    assertEquals(SCALE * SyntheticData.OBSERVATIONS_PER_SCALE, count(db, "SELECT count(*) FROM observation WHERE indicator LIKE 'synthetic%'"));
    assertEquals(SCALE * SyntheticData.EVENTS_PER_SCALE, count(db, "SELECT count(*) FROM event WHERE title_en LIKE 'Synthetic%'"));
    assertEquals(SCALE * 26, count(db, "SELECT count(*) FROM region WHERE code LIKE 'SYN-%'"));
    assertEquals(SCALE * 12, count(db, "SELECT count(*) FROM schedule WHERE series LIKE 'synthetic-series-%'"));
    assertTrue(count(db, "SELECT count(*) FROM observation WHERE region LIKE 'SYN-%'") > SCALE * 60,
        "synthetic places have figures");
    // The synthetic reference rows are used, beside the seed's.
    assertTrue(count(db, "SELECT count(*) FROM source WHERE language LIKE 'qsy-%'") >= SCALE * 14);
    assertTrue(count(db, "SELECT count(*) FROM indicator WHERE category LIKE 'synthetic%'") >= SCALE * 17);
    assertTrue(count(db, "SELECT count(*) FROM indicator WHERE unit LIKE 'synthetic%'") >= SCALE * 11);
    assertTrue(count(db, "SELECT count(*) FROM indicator WHERE code LIKE 'synthetic%'"
        + " AND category NOT LIKE 'synthetic%' AND unit NOT LIKE 'synthetic%'") > 0);

    // The schedules feed synthetic indicators only (some by two series, some by none), and the
    // import worked out every indicator's freshness: one row each, the heaviest with an expected
    // month from a synthetic series that, in 1900-1989, is long overdue.
    assertEquals(0, count(db, "SELECT count(*) FROM schedule_indicator WHERE series LIKE 'synthetic%'"
        + " AND indicator NOT LIKE 'synthetic%'"));
    assertTrue(count(db, "SELECT count(*) FROM (SELECT indicator FROM schedule_indicator"
        + " WHERE series LIKE 'synthetic%' GROUP BY indicator HAVING count(*) > 1)") > 0, "fed twice");
    assertTrue(count(db, "SELECT count(*) FROM indicator i WHERE code LIKE 'synthetic%' AND NOT EXISTS"
        + " (SELECT 1 FROM schedule_indicator s WHERE s.indicator = i.code)") > 0, "fed by none");
    assertEquals(SCALE * SyntheticData.INDICATORS_PER_SCALE + org.aimonitor.Seed.INDICATORS, count(db, "SELECT count(*) FROM freshness"));
    assertEquals(SCALE * SyntheticData.INDICATORS_PER_SCALE + org.aimonitor.Seed.INDICATORS, count(db, "SELECT count(*) FROM indicator"));
    String heavy = SyntheticData.heaviestIndicator();
    assertEquals(1, count(db, "SELECT count(*) FROM freshness WHERE indicator = '" + heavy + "'"
        + " AND series LIKE 'synthetic-series-%' AND expected < '1991' AND overdue_after < '1991'"));
    assertTrue(count(db, "SELECT count(*) FROM freshness WHERE indicator LIKE 'synthetic%'"
        + " AND overdue_after < '1991'") > SCALE * 20, "most synthetic indicators are overdue");
    assertEquals(0, count(db, "SELECT count(*) FROM freshness WHERE indicator LIKE 'synthetic%'"
        + " AND (expected >= '1991' OR last_published >= '1990' OR latest_period >= '1990')"));
    // The real seed is still all there.
    assertEquals(org.aimonitor.Seed.OBSERVATIONS, count(db, "SELECT count(*) FROM observation WHERE indicator NOT LIKE 'synthetic%'"));
    // Importing the same files again changes nothing: the keys are stable.
    for (Path file : files) {
      ImportReport again = importer.apply(
          List.of(new ImportFile(file.getFileName().toString(), Files.readAllBytes(file))), "test");
      assertEquals(0, again.added() + again.changed(), file + " re-imports unchanged");
    }
  }

  @Test
  void everyFileIsUnderBothCapsAndEveryRowSaysItIsSynthetic() throws IOException {
    List<Path> files = SyntheticData.write(SCALE, dir.resolve("out"));
    Map<String, Integer> headlines = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Path file : files) {
      assertTrue(Files.size(file) < Importer.MAX_FILE_BYTES, file + " is under the byte cap");
      List<CSVRecord> rows = read(file);
      assertTrue(rows.size() <= Importer.MAX_ROWS, file + " is under the row cap");
      String name = file.getFileName().toString();
      for (CSVRecord row : rows) {
        if (name.contains("languages")) {
          assertTrue(row.get("language").startsWith("qsy-"), row.get("language"));
          assertTrue(row.get("name_en").contains("not a real language"), row.get("name_en"));
        } else if (name.contains("categories")) {
          assertTrue(row.get("category").startsWith("synthetic_"), row.get("category"));
          assertTrue(row.get("name_en").contains("not a real category"), row.get("name_en"));
        } else if (name.contains("units")) {
          assertTrue(row.get("unit").startsWith("synthetic_"), row.get("unit"));
          assertTrue(row.get("name_en").contains("not a real unit"), row.get("name_en"));
        } else if (name.contains("schedules")) {
          assertTrue(row.get("series").startsWith("synthetic-series-"), row.get("series"));
          assertTrue(row.get("publisher").contains("Synthetic"), row.get("publisher"));
          assertTrue(row.get("name_en").contains("not a real"), row.get("name_en"));
          assertTrue(row.get("name_zh").contains("合成") && row.get("name_zh").contains("非真实"));
          assertTrue(row.get("note").toLowerCase().contains("synthetic"), row.get("note"));
          for (String code : row.get("indicators").split(" ")) {
            assertTrue(code.startsWith("synthetic_"), code);
          }
          for (String id : row.get("evidence").split(" ")) {
            assertTrue(id.isEmpty() || id.startsWith("synthetic-src-"), id);
          }
          assertTrue(row.get("basis_url").isEmpty()
              || row.get("basis_url").startsWith("https://synthetic.invalid/"), row.get("basis_url"));
        } else if (name.contains("regions")) {
          assertTrue(row.get("code").startsWith("SYN-"), row.get("code"));
          assertTrue(row.get("name_en").contains("not a real place"), row.get("name_en"));
        } else if (name.contains("sources")) {
          assertTrue(row.get("id").startsWith("synthetic-src-"));
          assertTrue(row.get("title").toLowerCase().contains("synthetic"), row.get("title"));
          assertTrue(row.get("url").startsWith("https://synthetic.invalid/"), row.get("url"));
          assertBefore1990(row.get("published_on"));
        } else if (name.contains("indicators")) {
          assertTrue(row.get("code").startsWith("synthetic_"));
          assertTrue(row.get("name_zh").contains("合成") && row.get("name_zh").contains("非真实"));
        } else if (name.contains("observations")) {
          assertTrue(row.get("note").contains("synthetic"), row.get("note"));
          assertTrue(row.get("source").startsWith("synthetic-src-"));
          assertBefore1990(row.get("period"));
          assertTrue(keys.add(row.get("indicator") + "/" + row.get("region") + "/" + row.get("period")
              + "/" + row.get("source")), "unique key");
          headlines.merge(row.get("indicator") + "/" + row.get("region") + "/" + row.get("period"),
              Integer.parseInt(row.get("headline")), Integer::sum);
        } else if (name.contains("aliases")) {
          assertTrue(row.get("alias").startsWith("合成") && row.get("note").contains("synthetic"));
          assertTrue(row.get("region").startsWith("SYN-"), row.get("region"));
        } else {
          assertTrue(name.contains("events"), name + " is a known file");
          assertTrue(row.get("title_en").contains("Synthetic"));
          assertTrue(row.get("source").startsWith("synthetic-src-"));
          assertBefore1990(row.get("date"));
        }
      }
    }
    assertFalse(headlines.isEmpty());
    headlines.forEach((group, n) -> assertEquals(1, n, group + " has exactly one headline"));
  }

  @Test
  void observationsAreSkewedOverIndicators() {
    int[] counts = SyntheticData.observationCounts(1000);
    assertEquals(SyntheticData.OBSERVATIONS_PER_SCALE * 1000, java.util.Arrays.stream(counts).sum());
    assertEquals(SyntheticData.INDICATORS_PER_SCALE * 1000, counts.length);
    assertTrue(counts[0] >= 10_000, "the heaviest has " + counts[0]);
    assertTrue(java.util.Arrays.stream(counts).filter(c -> c <= 5).count() > counts.length / 2,
        "most indicators get a handful");
  }

  @Test
  void perScaleCountsAreTheSeeds() throws IOException {
    // N x the seed means N x today's seed: when data/ grows, the generator follows.
    Map<String, Integer> expected = new java.util.HashMap<>(Map.of("languages.csv", SyntheticData.LANGUAGES_PER_SCALE,
        "categories.csv", SyntheticData.CATEGORIES_PER_SCALE, "units.csv", SyntheticData.UNITS_PER_SCALE,
        "regions.csv", SyntheticData.REGIONS_PER_SCALE, "sources.csv", SyntheticData.SOURCES_PER_SCALE,
        "indicators.csv", SyntheticData.INDICATORS_PER_SCALE,
        "observations.csv", SyntheticData.OBSERVATIONS_PER_SCALE,
        "events.csv", SyntheticData.EVENTS_PER_SCALE, "schedules.csv", SyntheticData.SCHEDULES_PER_SCALE));
    expected.put("aliases.csv", SyntheticData.ALIASES_PER_SCALE);
    assertEquals(CsvTable.values().length, expected.size(), "every kind of seed file has a count");
    for (CsvTable table : CsvTable.values()) {
      Path seed = Path.of("data", table.fileName());
      assertEquals(read(seed).size(), expected.get(table.fileName()),
          seed + " has as many rows as SyntheticData writes per scale");
    }
  }

  @Test
  void schedulesMixCadencesTimingsAndBases() throws IOException {
    List<Path> files = SyntheticData.write(10, dir.resolve("out"));
    List<CSVRecord> schedules = new ArrayList<>();
    for (Path file : files) {
      if (file.getFileName().toString().startsWith("8-schedules")) {
        schedules.addAll(read(file));
      }
    }
    assertEquals(120, schedules.size());
    Set<String> cadences = new HashSet<>();
    Map<String, Integer> kinds = new HashMap<>();
    Set<String> fed = new HashSet<>();
    for (CSVRecord row : schedules) {
      cadences.add(row.get("cadence"));
      String[] indicators = row.get("indicators").split(" ");
      assertTrue(indicators.length >= 2 && indicators.length <= 4, row.get("indicators"));
      fed.addAll(List.of(indicators));
      boolean cited = row.get("basis").equals("cited");
      assertEquals(cited, !row.get("basis_url").isEmpty(), row.get("series"));
      assertEquals(cited, row.get("evidence").isEmpty(), row.get("series"));
      kinds.merge(cited ? "cited" : "inferred", 1, Integer::sum);
      kinds.merge(!row.get("release_months").isEmpty() ? "release months"
          : !row.get("lag_months").isEmpty() ? "lag" : "neither", 1, Integer::sum);
      if (!row.get("grace_months").isEmpty()) {
        kinds.merge("grace", 1, Integer::sum);
      }
      if (row.get("cadence").equals("irregular")) {
        assertTrue(row.get("release_months").isEmpty() && row.get("lag_months").isEmpty());
      }
    }
    assertEquals(Set.of("annual", "semi-annual", "quarterly", "monthly", "irregular"), cadences);
    for (String kind : List.of("cited", "inferred", "release months", "lag", "neither", "grace")) {
      assertTrue(kinds.getOrDefault(kind, 0) >= 5, kind + ": " + kinds);
    }
    assertTrue(fed.contains(SyntheticData.heaviestIndicator()));
    assertTrue(fed.size() > 300 && fed.size() < 350, fed.size() + " of 350 indicators have a series");
  }

  @Test
  void isDeterministic() throws IOException {
    List<Path> a = SyntheticData.write(1, dir.resolve("a"));
    List<Path> b = SyntheticData.write(1, dir.resolve("b"));
    assertEquals(a.stream().map(Path::getFileName).toList(), b.stream().map(Path::getFileName).toList());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(Files.readString(a.get(i)), Files.readString(b.get(i)));
    }
  }

  @Test
  void extraObservationsAreNewKeysAndTheRevisedFileChangesEveryValue() throws IOException {
    Path out = dir.resolve("out");
    List<Path> files = SyntheticData.write(SCALE, out);
    List<Path> extra = SyntheticData.writeExtraObservations(SCALE, dir.resolve("extra"), 2, 300);
    assertEquals(2, extra.size());
    Path revised = dir.resolve("revised.csv");
    SyntheticData.writeRevised(extra.get(0), revised);

    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    Importer importer = new Importer(db);
    List<Path> all = new ArrayList<>(files);
    all.addAll(extra);
    for (Path file : all) {
      importer.apply(List.of(new ImportFile(file.toString(), Files.readAllBytes(file))), "test");
    }
    assertEquals(SCALE * SyntheticData.OBSERVATIONS_PER_SCALE + 600,
        count(db, "SELECT count(*) FROM observation WHERE indicator LIKE 'synthetic%'"));
    ImportReport report = importer.apply(
        List.of(new ImportFile("revised.csv", Files.readAllBytes(revised))), "test");
    assertEquals(300, report.changed());
    assertEquals(0, report.added() + report.unchanged());
  }

  @Test
  void refusesTheRepositorysDataFolderAndFoldersThatAreNotEmpty() throws IOException {
    // This repository's data folder (Maven runs tests in the project folder).
    assertTrue(Files.isRegularFile(Path.of("data", "sources.csv")), "runs in the project folder");
    Path inRepo = Path.of("data", "synthetic-must-not-exist");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyntheticData.write(1, inRepo));
    assertTrue(e.getMessage().contains("data folder"), e.getMessage());
    assertFalse(Files.exists(inRepo), "nothing was created");

    // Any git work tree with a pom.xml, however deep below its data folder.
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    assertThrows(IllegalArgumentException.class,
        () -> SyntheticData.write(1, repo.resolve("data").resolve("deep").resolve("x")));
    assertFalse(Files.exists(repo.resolve("data")));

    Path full = dir.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("keep.txt"), "mine");
    assertThrows(IllegalArgumentException.class, () -> SyntheticData.write(1, full));
    assertEquals(List.of(full.resolve("keep.txt")), Files.list(full).toList());

    // The command line says why and exits non-zero.
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SyntheticData.run(new String[] {"--scale", "1", "--out", inRepo.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertNotEquals(0, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("refusing"), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertBefore1990(String text) {
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      assertTrue(year >= 1900 && year < 1990, text + " is before 1990");
    }
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    try (CSVParser parser = CSVParser.builder().setReader(Files.newBufferedReader(file))
        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      List<CSVRecord> rows = parser.getRecords();
      assertEquals(CsvTable.byHeader(parser.getHeaderNames()).isPresent(), true,
          file + " has a known header");
      return rows;
    }
  }

  private static int count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
