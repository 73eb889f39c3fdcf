package org.aimonitor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aimonitor.TestData;
import org.aimonitor.SeededDatabase;
import org.aimonitor.store.DataError;
import org.aimonitor.store.DataException;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions, units, categories and languages are rows staff import like any other: each file is
 * recognised by its header, checked cell by cell and against the rest of the import, and a new
 * row can be used by the other files of the same import.
 */
class ReferenceDataTest {

  static final String REGIONS = "code,name_en,name_zh,parent,level\n";
  static final String UNITS = "unit,name_en,name_zh,format_en,format_zh,zh_exponent,zh_magnitudes\n";
  static final String CATEGORIES = "category,name_en,name_zh\n";
  static final String LANGUAGES = "language,name_en,name_zh\n";
  static final String SOURCES = "id,publisher,title,url,published_on,language,reliability,note\n";
  static final String INDICATORS = "code,category,name_en,name_zh,unit,unit_en,unit_zh,decimals,definition_en,definition_zh,measure\n";
  static final String OBS = TestData.OBSERVATIONS_HEADER;
  static final String SCHEDULES = "series,publisher,name_en,name_zh,indicators,cadence,release_months,"
      + "lag_months,grace_months,basis,basis_url,evidence,note\n";

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

  private List<String> errors(ImportFile... files) {
    String before = DatabaseDump.of(db);
    DataException e = assertThrows(DataException.class, () -> importer.apply(List.of(files), "test"));
    assertEquals(before, DatabaseDump.of(db), "a refused import changes nothing");
    return e.errors().stream().map(DataError::toString).toList();
  }

  private Map<String, Object> row(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
  }

  @Test
  void aNewPlaceAndEverythingNewThatItsFiguresNeedArriveInOneImportInAnyFileOrder() {
    ImportReport r = importer.apply(List.of(
        file("obs.csv", OBS + "robot_density,CN-HE-SJZ,2024,12,reported,hebei-2025,1,\n"),
        file("ind.csv", INDICATORS + "robot_density,robots,Robot density,机器人密度,per_10k,"
            + "\"robots per 10,000 workers\",台/万人,0,\"Industrial robots per 10,000 workers.\",每万名工人的工业机器人台数。,stock\n"),
        file("units.csv", UNITS + "per_10k,\"per 10,000\",每万,{0} {unit},{0}{unit},0,0\n"),
        file("cats.csv", CATEGORIES + "robots,Robots,机器人\n"),
        file("langs.csv", LANGUAGES + "ja,Japanese,日文\n"),
        file("src.csv", SOURCES + "hebei-2025,Hebei Daily,河北日报报道,https://example.org/h,2025-03,ja,news,\n"),
        file("regions.csv", REGIONS + "CN-HE-SJZ,Shijiazhuang,石家庄市,CN-HE,city\n"
            + "CN-HE,Hebei,河北省,CN,province\n")), "test");
    assertEquals(8, r.added());
    assertEquals(List.of("langs.csv", "cats.csv", "units.csv", "regions.csv", "src.csv", "ind.csv", "obs.csv"),
        r.files().stream().map(ImportReport.FileSummary::name).toList(), "applied in dependency order");
    assertEquals("CN-HE", row("SELECT parent FROM region WHERE code = 'CN-HE-SJZ'").get("parent"));
    assertEquals(r.importId(), ((Number) row("SELECT import_id FROM region WHERE code = 'CN-HE'")
        .get("import_id")).longValue(), "reference rows record their import too");
  }

  @Test
  void referencesToPlacesUnitsCategoriesAndLanguagesMustExist() {
    assertEquals(List.of("o.csv:2:2: unknown region \"CN-XX\""),
        errors(file("o.csv", OBS + "ai_enterprises,CN-XX,2024,1,reported,ecns-2026-03-05,1,\n")));
    assertEquals(List.of("i.csv:2:2: unknown category \"robots\"", "i.csv:2:5: unknown unit \"per_10k\""),
        errors(file("i.csv", INDICATORS + "x,robots,X,X,per_10k,x,x,0,x,x,flow\n")));
    assertEquals(List.of("s.csv:2:6: unknown language \"ja\""),
        errors(file("s.csv", SOURCES + "new-one,P,T,https://example.org,2025,ja,news,\n")));
    assertEquals(List.of("r.csv:2:4: unknown parent \"CN-XX\""),
        errors(file("r.csv", REGIONS + "CN-XX-YY,Somewhere,某地,CN-XX,city\n")));
  }

  @Test
  void placesFormATreeWithTheWorldAtItsRoot() {
    assertEquals(List.of("r.csv:2:4: parent \"CN-BJ\" is a province: the place a province is part of"
            + " must be at a higher level (world, country, province, city from the top)"),
        errors(file("r.csv", REGIONS + "CN-TJ2,Tianjin,天津,CN-BJ,province\n")));
    // A cycle needs a parent at the same level or below, so the level rule refuses every cycle.
    List<String> cycle = errors(file("r.csv", REGIONS + "CN-AA,A,甲,CN-BB,province\nCN-BB,B,乙,CN-AA,province\n"));
    assertEquals(2, cycle.size(), cycle.toString());
    assertTrue(cycle.get(0).startsWith("r.csv:2:4: parent \"CN-BB\" is a province"), cycle.toString());
    assertEquals(List.of("r.csv:2:4: a world region has no parent (\"CN\" given)"),
        errors(file("r.csv", REGIONS + "MARS,Mars,火星,CN,world\n")));
    assertEquals(List.of("r.csv:2:4: parent is empty: a city names the region it is part of"),
        errors(file("r.csv", REGIONS + "CN-BJ-XX,X,某地,,city\n")));
    // Lowering Beijing to a city would put its own districts at its level: refused at its level.
    importer.apply(List.of(file("d.csv", REGIONS + "CN-BJ-HD,Haidian,海淀区,CN-BJ,city\n")), "test");
    List<String> lowered = errors(file("r.csv", REGIONS + "CN-BJ,Beijing,北京市,CN,city\n"));
    assertEquals(List.of("r.csv:2:5: level \"city\" is not above CN-BJ-HD, a city whose parent it is"), lowered);
  }

  @Test
  void cellsOfTheReferenceFilesAreChecked() {
    assertEquals(List.of(
        "u.csv:2:1: unit \"per 10k\" is not letters, digits and underscores",
        "u.csv:2:4: format_en \"per 10k\" has no {0} where the number goes",
        "u.csv:2:6: zh_exponent \"x\" is not a whole number from -12 to 18",
        "u.csv:2:7: zh_magnitudes \"5 8\" is not one or more of 0, 4, 8 and 12, separated by spaces"),
        errors(file("u.csv", UNITS + "per 10k,x,x,per 10k,{0},x,5 8\n")));
    assertEquals(List.of("r.csv:2:1: code \"cn-bj\" is not upper-case letters and digits in parts joined by"
            + " hyphens, such as CN, CN-GD or CN-GD-SZ", "r.csv:2:5: level \"town\" is not one of world, country, province, city"),
        errors(file("r.csv", REGIONS + "cn-bj,X,X,CN,town\n")));
    assertEquals(List.of("l.csv:2:1: language \"Japanese\" is not a language code such as en, zh or fr",
        "l.csv:2:3: name_zh is empty"), errors(file("l.csv", LANGUAGES + "Japanese,Japanese,\n")));
  }

  @Test
  void aChangedReferenceRowKeepsItsOldStateAsARevision() {
    ImportReport r = importer.apply(List.of(file("r.csv", REGIONS + "CN-BJ,Beijing Municipality,北京市,CN,province\n")), "test");
    assertEquals(1, r.changed());
    Map<String, Object> revision = row("SELECT * FROM revision WHERE table_name = 'region'");
    assertEquals("{\"code\":\"CN-BJ\"}", revision.get("row_key"));
    assertTrue(revision.get("old_values").toString().contains("\"name_en\":\"Beijing\""), revision.toString());
    assertEquals(1L, ((Number) revision.get("old_import_id")).longValue(), "recorded by the seed");
    assertEquals("Beijing Municipality", row("SELECT name_en FROM region WHERE code = 'CN-BJ'").get("name_en"));
  }

  @Test
  void categoriesAndLanguagesAreToldApartByTheirHeaders() {
    ImportReport r = importer.dryRun(List.of(file("a.csv", CATEGORIES + "robots,Robots,机器人\n"),
        file("b.csv", LANGUAGES + "ja,Japanese,日文\n")));
    assertEquals(List.of("categories.csv", "languages.csv"),
        r.files().stream().map(ImportReport.FileSummary::table).sorted().toList());
  }

  @Test
  void aScheduleNamesKnownIndicatorsAndSaysWhereItComesFrom() {
    assertEquals(List.of("sc.csv:2:5: unknown indicator \"robots\" in indicators",
            "sc.csv:2:12: unknown source \"no-such-source\" in evidence"),
        errors(file("sc.csv", SCHEDULES + "s1,P,S,系列,ai_enterprises robots,annual,,,,inferred,,"
            + "ecns-2026-03-05 no-such-source,\n")));
    assertEquals(List.of(
            "sc.csv:2:12: evidence is empty: an inferred schedule names the sources whose publication"
                + " dates show its past releases",
            "sc.csv:3:11: basis_url is empty: a cited schedule links the page that states it",
            "sc.csv:4:6: an irregular series has no release months or lag",
            "sc.csv:5:6: cadence \"yearly\" is not one of annual, semi-annual, quarterly, monthly, irregular",
            "sc.csv:6:7: release_months \"3 13\" is not months 1 to 12 separated by spaces",
            "sc.csv:7:8: lag_months \"-1\" is not a number of months from 0 to 24"),
        errors(file("sc.csv", SCHEDULES
            + "s1,P,S,系列,ai_enterprises,annual,,,,inferred,,,\n"
            + "s2,P,S,系列,ai_enterprises,annual,3,,,cited,,,\n"
            + "s3,P,S,系列,ai_enterprises,irregular,3,,,inferred,,ecns-2026-03-05,\n"
            + "s4,P,S,系列,ai_enterprises,yearly,,,,inferred,,ecns-2026-03-05,\n"
            + "s5,P,S,系列,ai_enterprises,annual,3 13,,,inferred,,ecns-2026-03-05,\n"
            + "s6,P,S,系列,ai_enterprises,annual,,-1,,inferred,,ecns-2026-03-05,\n")));
  }

  @Test
  void aNewScheduleGivesItsIndicatorsAnExpectedRelease() {
    assertEquals(null, row("SELECT series FROM freshness WHERE indicator = 'smart_cockpit_penetration'")
        .get("series"), "fed by an irregular series only");
    ImportReport r = importer.apply(List.of(file("sc.csv", SCHEDULES
        + "cockpit-annual,Gasgoo,Smart cockpit annual report,智能座舱年度报告,smart_cockpit_penetration,"
        + "annual,4,,,cited,https://example.org/calendar,,\n")), "test");
    assertEquals(1, r.added());
    Map<String, Object> f = row("SELECT * FROM freshness WHERE indicator = 'smart_cockpit_penetration'");
    assertEquals("cockpit-annual", f.get("series"));
    assertEquals("2026-04", f.get("expected"), "the first April after the figure of 19 Apr 2025");
    assertEquals("2026-07-31", f.get("overdue_after"), "three months' grace for an annual series");
    assertEquals(1L, ((Number) row("SELECT count(*) AS n FROM schedule_indicator"
        + " WHERE series = 'cockpit-annual'").get("n")).longValue());
  }
}
