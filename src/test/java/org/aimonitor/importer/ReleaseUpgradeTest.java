package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.Seed;
import org.aimonitor.TestApp;
import org.aimonitor.TestClock;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.aimonitor.store.ImportLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The December 2026 release as a deployed site receives it: a database seeded from the previous
 * seed (the files of {@code data/} at commit 352d38d, in {@code src/test/resources/seed-2026-03})
 * imports today's nine files as one import with a reason, and readers then see the new figures,
 * the headline changes and the freshness they bring, while every earlier figure keeps its history.
 */
class ReleaseUpgradeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REASON = "December 2026 data release: 33 figures, 2 indicators, 24 sources,"
      + " 7 events; 4 headlines changed by the dataset's rules";

  @TempDir
  Path dir;

  /** The previous seed's files, as the jar of the deployed site shipped them. */
  static List<ImportFile> previousSeed() throws IOException {
    List<ImportFile> files = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      try (InputStream in = ReleaseUpgradeTest.class.getResourceAsStream("/seed-2026-03/" + table.fileName())) {
        // A table the previous seed did not have yet (aliases.csv) arrives with the release.
        if (in != null) {
          byte[] bytes = in.readAllBytes();
          if (table == CsvTable.INDICATORS) {
            bytes = withMeasure(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          files.add(new ImportFile(table.fileName(), bytes));
        }
      }
    }
    return files;
  }

  /**
   * The previous seed's indicators with the measure migration V8 gave each of them on a deployed
   * site (the file predates the column, which an import now requires).
   */
  static String withMeasure(String old) throws IOException {
    Map<String, String> measure = new LinkedHashMap<>();
    try (var parser = org.apache.commons.csv.CSVParser.builder()
        .setReader(Files.newBufferedReader(Path.of("data", "indicators.csv")))
        .setFormat(org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      parser.forEach(r -> measure.put(r.get("code"), r.get("measure")));
    }
    java.io.StringWriter out = new java.io.StringWriter();
    try (var parser = org.apache.commons.csv.CSVParser.builder().setReader(new java.io.StringReader(old))
        .setFormat(org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get();
        var printer = new org.apache.commons.csv.CSVPrinter(out, CsvTable.format())) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      header.add("measure");
      printer.printRecord(header);
      for (var r : parser) {
        List<String> cells = new ArrayList<>(r.toList());
        cells.add(measure.get(r.get("code")));
        printer.printRecord(cells);
      }
    }
    return out.toString();
  }

  /** This release: the nine files of data/, as staff give them to the import. */
  static List<ImportFile> release() throws IOException {
    List<ImportFile> files = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      Path file = Path.of("data", table.fileName());
      files.add(new ImportFile(file.toString(), Files.readAllBytes(file)));
    }
    return files;
  }

  /** Every figure by its key (indicator, region, period, source): value, qualifier, headline, note. */
  static Map<String, String> figures(Database db) {
    Map<String, String> all = new LinkedHashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("""
        SELECT indicator || ' ' || region || ' ' || period || ' ' || source AS k,
               value || '|' || qualifier || '|' || headline || '|' || coalesce(note, '') AS v
        FROM observation ORDER BY id""")
        .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getString("v")))
        .forEach(e -> all.put(e.getKey(), e.getValue())));
    return all;
  }

  static String headlineSource(Database db, String indicator, String region, String period) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT source FROM observation
        WHERE indicator = :i AND region = :r AND period = :p AND headline = 1""")
        .bind("i", indicator).bind("r", region).bind("p", period).mapTo(String.class).one());
  }

  static JsonNode json(TestApp app, String path) throws IOException {
    var r = app.get(path);
    assertEquals(200, r.statusCode(), path);
    return JSON.readTree(r.body());
  }

  static JsonNode freshness(TestApp app, String code) throws IOException {
    return json(app, "/api/v1/indicators/" + code).get("freshness");
  }

  @Test
  void aSiteSeededFromThePreviousSeedImportsTheReleaseAsOneImportAndKeepsEveryFiguresHistory()
      throws Exception {
    Database old = Database.open(dir.resolve("monitor.db"));
    old.writer().useTransaction(h -> Importer.applyIn(h, previousSeed(), "seed"));
    Map<String, String> before = figures(old);
    assertEquals(org.aimonitor.Seed.FIRST_OBSERVATIONS, before.size(), "the previous seed's figures");

    TestClock day = TestClock.at(LocalDate.of(2026, 12, 7));
    try (TestApp app = TestApp.start(dir, day)) {
      assertEquals("overdue", freshness(app, "genai_services_registered").get("status").asText());
      assertEquals("2026-01", freshness(app, "genai_services_registered").at("/next_release/expected_month").asText());
      assertEquals("2026-03", freshness(app, "l2_adas_penetration").at("/next_release/expected_month").asText());
      assertEquals(404, app.get("/indicators/data_centre_racks").statusCode(), "not in the previous seed");

      ImportReport report = new Importer(app.db()).apply(release(), "data desk (command line)",
          ImportReason.of(REASON), change -> { });

      // One import: what the release adds and the rows whose headline, note or definition moved.
      assertEquals(2L, report.importId());
      // Added: the research pass, and the place short forms search brought in the same release.
      assertEquals(24 + 2 + 33 + 7 + org.aimonitor.Seed.ALIASES, report.added());
      // Changed: the 4 former headlines, definitions, 2 schedules, and the rows that gained a
      // Chinese note or description or a chart fact (break_before, doubtful) in this release;
      // every other earlier row is unchanged.
      assertTrue(report.changed() >= 4 + 1 + 2, "at least the headlines, a definition, 2 schedules");
      assertEquals(536, report.changed() + report.unchanged(), "every earlier row is matched");
      Database db = app.db();
      assertEquals(Seed.OBSERVATIONS, db.store().observationCount());
      assertEquals(Seed.SOURCES, org.aimonitor.TestData.sources(db).size());
      assertEquals(Seed.EVENTS, org.aimonitor.TestData.events(db).size());

      // Headlines moved by the dataset's rules: stated beats "about" and derived, official beats
      // a reprint, an actual beats a target.
      assertEquals("forexbnb-2025-cnnic-55", headlineSource(db, "genai_users", "CN", "2024-12"));
      assertEquals("forexbnb-2025-cnnic-55", headlineSource(db, "genai_user_penetration", "CN", "2024-12"));
      assertEquals("pdoverseas-2025-08-25", headlineSource(db, "intelligent_computing_power", "CN", "2025-06"));
      assertEquals("bbs0xy-2026-02-25-guangdong", headlineSource(db, "ai_core_industry_scale", "CN-GD", "2025"));
      assertEquals("epium-2025-08", headlineSource(db, "intelligent_computing_power", "CN", "2024-12"),
          "the official 90 EFLOPS stays the end-2024 headline beside IDC's FP16 725.3");

      // Every earlier figure is still there; the changed ones keep their earlier state as a
      // revision of this import, the others are untouched since the seed.
      Map<String, String> after = figures(db);
      List<String> changed = new ArrayList<>();
      for (Map.Entry<String, String> e : before.entrySet()) {
        assertTrue(after.containsKey(e.getKey()), e.getKey() + " is kept");
        if (!after.get(e.getKey()).equals(e.getValue())) {
          changed.add(e.getKey());
        }
      }
      assertEquals(4, changed.size(), changed.toString());
      for (String key : changed) {
        String[] k = key.split(" ");
        Map<String, Object> revision = db.jdbi().withHandle(h -> h.createQuery("""
            SELECT json_extract(v.old_values, '$.headline') AS headline,
                   json_extract(v.old_values, '$.note') AS note, v.old_import_id, v.import_id
            FROM revision v JOIN observation o ON o.id = v.observation_id
            WHERE o.indicator = :i AND o.region = :r AND o.period = :p AND o.source = :s""")
            .bind("i", k[0]).bind("r", k[1]).bind("p", k[2]).bind("s", k[3]).mapToMap().one());
        String[] was = before.get(key).split("\\|", 4);
        assertEquals("1", String.valueOf(revision.get("headline")), key + " was the headline");
        assertEquals(was[3], revision.get("note"), key);
        assertEquals(1, ((Number) revision.get("old_import_id")).intValue(), key + " was the seed's");
        assertEquals(2, ((Number) revision.get("import_id")).intValue(), key);
      }
      long untouched = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM observation WHERE import_id = 1"
              + " OR id IN (SELECT observation_id FROM revision WHERE import_id = 2)").mapTo(Long.class).one());
      // Every earlier figure is as the seed recorded it, or keeps the seed's state as a revision
      // (the release also gave every earlier note its Chinese text).
      assertEquals(org.aimonitor.Seed.FIRST_OBSERVATIONS, untouched, "every earlier figure keeps its history");

      // Freshness: the figures the release brings move the expected months on; on this day
      // nothing the release found is recent enough to be current (the research found no figure
      // of those series published after April 2026), and the new indicators have schedules.
      assertEquals("2026-04", freshness(app, "genai_services_registered").at("/next_release/expected_month").asText());
      assertEquals("2026-05", freshness(app, "l2_adas_penetration").at("/next_release/expected_month").asText());
      for (String code : List.of("data_centre_racks", "city_noa_sales")) {
        JsonNode next = freshness(app, code).get("next_release");
        assertEquals("inferred", next.get("basis").asText(), code);
        assertTrue(next.get("estimate").asBoolean(), code);
      }
      assertEquals("computing-power-conference", freshness(app, "data_centre_racks").at("/next_release/series").asText());
      assertEquals("cpca-driver-assistance", freshness(app, "city_noa_sales").at("/next_release/series").asText());
      // Had the release come in June, these two would have left "overdue" for "due".
      day.setDay(LocalDate.of(2026, 6, 15));
      assertEquals("due", freshness(app, "genai_services_registered").get("status").asText());
      assertEquals("due", freshness(app, "l2_adas_penetration").get("status").asText());
      day.setDay(LocalDate.of(2026, 12, 7));

      // /updates names the release, its reason and what it did to each table.
      Document updates = Jsoup.parse(app.get("/updates").body());
      Element card = updates.selectFirst(".import-card");
      assertTrue(card.selectFirst(".import-card__title > a").text().startsWith("Import 2: "), "the card is titled by what changed");
      assertEquals("Reason: " + REASON, card.selectFirst(".import-facts__reason").text());
      assertTrue(card.select(".import-facts__tables li").eachText().stream()
          .anyMatch(l -> l.startsWith("Figures: 33 added, ")), card.text());
      Document page = Jsoup.parse(app.get("/updates/2").body());
      // The import's page lists its changes (a page at a time: this release revised every
      // earlier note with its Chinese text); the new indicator has its own page now.
      assertNotNull(page.selectFirst(".change-group"), "changes listed");
      assertEquals(200, app.get("/indicators/data_centre_racks").statusCode());

      // The feed's entry says why and what.
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(new StringReader(app.get("/updates.atom").body()));
      SyndEntry entry = feed.getEntries().get(0);
      assertTrue(entry.getTitle().startsWith("Import 2 (" + Text.EN.date(ImportLog.day(Instant.now())) + "): "
          + REASON + " — "), entry.getTitle());
      assertTrue(entry.getTitle().contains(" added"), "the title names what changed: " + entry.getTitle());

      // The overview's data age: the newest publication behind a figure is still 5 Mar 2026
      // (the release's newest dated figure source is of 25 Feb 2026), so it does not move back.
      Document overview = Jsoup.parse(app.get("/").body());
      assertTrue(overview.text().contains("5 Mar 2026"), "data as of");

      // Importing the same files again changes nothing and says so.
      ImportReport again = new Importer(db).apply(release(), "data desk (command line)", null, c -> { });
      assertEquals(0, again.added() + again.changed());
    }
  }
}
