package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query a page, API answer or health check runs reaches the big tables through an index:
 * SQLite's own plan for each ({@code EXPLAIN QUERY PLAN}) is read and no step may scan
 * observations, sources, events, indicators or revisions row by row. Plans, not times: the test
 * never fails on speed. Exports read whole tables by design and are left out. The requests run
 * every query of every query interface, so every read a page makes is checked.
 */
class QueryPlanTest {

  /** Tables that grow with the data; scanning one without an index costs the database's size. */
  static final Set<String> BIG = Set.of("observation", "source", "event", "indicator", "revision",
      "import_log", "freshness", "schedule", "schedule_indicator", "alias", "search_entry",
      "search_name", "search_gram", "search_text", "release_expectation");
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:FROM|JOIN)\\s+([a-z_.]+)(?:\\s+(?:AS\\s+)?([a-z]\\w*))?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NOT_ALIASES = Set.of("where", "join", "on", "order", "group",
      "limit", "left", "inner", "using", "union", "as", "window");

  @RegisterExtension
  static final AppExtension app = AppExtension.own();
  /** What each request ran: the address, then the SQL of each statement (placeholders unbound). */
  static final Map<String, Set<String>> ran = new LinkedHashMap<>();
  /** The query-interface methods the requests ran ({@link #key}). */
  static final Set<String> methodsRan = new TreeSet<>();
  static String current;

  /** Every page kind, in both languages where it has words, a second page, and the API. */
  static final List<String> REQUESTS = List.of("/", "/summary", "/summary?lang=zh", "/indicators", "/indicators?page=1",
      "/indicators/ai_pc_share", "/indicators/ai_pc_share?page=2",
      "/indicators/ai_pc_share?region=US&from=1900&to=1950", "/indicators/ai_pc_share.json",
      "/sources", "/sources/ecns-2026-03-05", "/sources/ecns-2026-03-05?page=2", "/timeline",
      "/data", "/healthz", "/api/v1/indicators", "/api/v1/indicators?limit=5",
      "/api/v1/indicators/ai_pc_share", "/api/v1/sources?limit=5", "/api/v1/events?limit=5",
      "/?lang=zh", "/indicators/ai_pc_share?lang=zh", "/sources?lang=zh",
      "/updates", "/updates?lang=zh", "/updates?from=2000-01-01&to=2100-12-31", "/updates/1",
      "/updates/2?page=2", "/updates.atom", "/indicators/ai_pc_share.atom",
      "/api/v1/updates?limit=1", "/api/v1/updates/2?limit=5", "/indicators?sort=freshness", "/indicators?status=overdue",
      // The release calendar: the page, its files (issue 29).
      "/calendar", "/calendar?lang=zh", "/calendar.ics", "/indicators/ai_pc_share.ics",
      // Places: the lists, a place, rankings, comparisons and their API.
      "/regions", "/regions?lang=zh", "/regions?level=province&page=1", "/regions?parent=CN",
      "/regions/CN-GD", "/regions/CN?page=1", "/regions/CN-GD.json", "/indicators/ai_enterprises",
      "/indicators/ai_enterprises?period=2025", "/indicators/ai_enterprises?region=CN-BJ,CN-SH",
      "/indicators/ai_industry_scale?lang=zh", "/indicators/ai_enterprises/ranking?period=2024",
      "/api/v1/regions?limit=5", "/api/v1/regions?level=city&limit=2", "/api/v1/regions/CN-GD?limit=5",
      "/api/v1/indicators/ai_enterprises?region=CN-BJ,CN-SH",
      // A place whose series is longer than a comparison draws; the CSV twin of a view.
      "/indicators/ai_pc_share?region=US,CN", "/indicators/ai_pc_share.csv?region=US&from=1900",
      // A figure's page, a vintage of its JSON twin and a citation file.
      "/figures/14", "/figures/14.json?vintage=first", "/figures/14/cite.bib",
      // vintage: an indicator view as it stood on a day and as first published, its second
      // page, CSV and API (whose cursor runs the "after" condition).
      "/indicators/ai_pc_share?as_of=" + java.time.LocalDate.now(), "/indicators/ai_pc_share?vintage=first&page=2",
      "/indicators/ai_pc_share.csv?region=US&vintage=first",
      "/api/v1/indicators/ai_pc_share?as_of=" + java.time.LocalDate.now() + "&limit=5",
      // A figure's feed; the watch on a list of figures, its JSON and feed (one batch per read).
      "/figures/14.atom", "/figures/changes?ids=14,15,16",
      "/figures/changes.json?ids=14,15&since=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC),
      "/figures/changes.atom?ids=14,15,16",

      // Search: a one-character place (粤) with a year, a two-character word (算力) with a year,
      // a place alone (北京), two short words (ai pc), a place and a topic, a publisher, a page
      // of one kind, events, nothing found.
      "/search?q=%E7%B2%A4+2025", "/search?q=%E7%AE%97%E5%8A%9B+2025", "/search?q=%E5%8C%97%E4%BA%AC",
      "/search?q=ai+pc", "/search?q=Guangdong+AI+industry", "/api/v1/search?q=CAICT",
      "/search?q=ai&kind=sources&page=2", "/search?q=development+plan", "/search?q=%E9%BE%98%E9%BE%98");

  /** Requests refused after a read: the error message lists the known places. */
  static final List<String> REFUSED = List.of("/indicators/ai_pc_share?region=ZZ");

  /** Pages that mark what is new, asked for by a reader who turned marking on before import 2. */
  static final List<String> MARKED = List.of("/", "/indicators/ai_pc_share", "/updates", "/updates/2");

  @BeforeAll
  static void start() {
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 250));
    // A third import that revises one of the second's figures: its own list of changes is
    // shorter than a preview, so the preview goes on to the states later imports replaced.
    TestData.importCsv(app.db(), "revised.csv", TestData.syntheticMonths("ai_pc_share",
        "ecns-2026-03-05", 1).replace(",1,reported,", ",2,reported,"));
    app.db().jdbi().setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext ctx) {
        if (current != null) {
          ran.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(ctx.getParsedSql().getSql());
          if (ctx.getExtensionMethod() != null) {
            methodsRan.add(key(ctx.getExtensionMethod().getMethod()));
          }
        }
      }
    });
    for (String path : REQUESTS) {
      current = path;
      assertEquals(200, app.get(path).statusCode(), path);
      // The cursor of a first answer leads to a second one, which runs the "after" condition.
      String body = app.get(path).body();
      Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
      if (next.find()) {
        assertEquals(200, app.get(next.group(1)).statusCode(), next.group(1));
      }
    }
    for (String path : REFUSED) {
      current = path;
      assertEquals(400, app.get(path).statusCode(), path);
    }
    for (String path : MARKED) {
      current = path + " (marked)";
      assertEquals(200, app.get(path, "Cookie", "aim_seen=1-1").statusCode(), path);
    }
    current = null;
  }

  /** SQLite's plan of {@code sql}, one line per step. */
  static List<String> plan(String sql) throws Exception {
    List<String> steps = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.db().file());
        var statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        steps.add(rs.getString("detail"));
      }
    }
    return steps;
  }

  /** The tables a statement names, by the name or alias its plan will show. */
  static Map<String, String> tablesByAlias(String sql) {
    Map<String, String> tables = new LinkedHashMap<>();
    Matcher m = TABLE.matcher(sql);
    while (m.find()) {
      String table = m.group(1).toLowerCase();
      String alias = m.group(2) == null || NOT_ALIASES.contains(m.group(2).toLowerCase())
          ? table : m.group(2);
      tables.put(alias, table);
      tables.put(table, table);
    }
    return tables;
  }

  /** Shows the plans of the search's queries (issue 27): one line per step, in the test log. */
  @Test
  void theSearchPlansAreShown() throws Exception {
    Set<String> searched = new java.util.LinkedHashSet<>();
    ran.forEach((path, sqls) -> {
      if (path.contains("search")) {
        searched.addAll(sqls);
      }
    });
    assertFalse(searched.isEmpty());
    for (String sql : searched) {
      System.out.println("-- " + sql.replaceAll("\\s+", " "));
      for (String step : plan(sql)) {
        System.out.println("   " + step);
      }
    }
  }

  @Test
  void everyRequestWasSeenRunningQueries() {
    for (String path : REQUESTS) {
      assertFalse(ran.getOrDefault(path, Set.of()).isEmpty(), path);
    }
  }

  @Test
  void noQueryScansABigTableRowByRow() throws Exception {
    List<String> problems = new ArrayList<>();
    Pattern scan = Pattern.compile("^SCAN (\\S+)(.*)$");
    for (Map.Entry<String, Set<String>> request : ran.entrySet()) {
      for (String sql : request.getValue()) {
        Map<String, String> tables = tablesByAlias(sql);
        for (String step : plan(sql)) {
          Matcher m = scan.matcher(step);
          if (m.matches() && BIG.contains(tables.getOrDefault(m.group(1), ""))
              && !m.group(2).contains("INDEX")) {
            problems.add(request.getKey() + ": " + step + "\n    in " + sql.replaceAll("\\s+", " "));
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theHotQueriesUseTheIndexesMadeForThem() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>(Map.of(
        "FROM revision WHERE observation_id IN", "revision_by_observation",
        "o.headline = 1 ORDER BY o.period_end DESC", "observation_headline_series",
        "FROM event ORDER BY date, id", "event_by_date",
        "ORDER BY s.publisher COLLATE NOCASE, s.id", "source_by_publisher",
        "CROSS JOIN indicator i ON i.category = c.code", "indicator_by_category",
        "WHERE o.source = ? ORDER BY o.indicator", "observation_by_source",
        "FROM event WHERE source = ? ORDER BY date, id", "event_by_source",
        "WHERE category = ? ORDER BY date DESC", "event_by_category"));
    expected.putAll(Map.of(
        // What an import recorded: its current rows and the states later imports replaced.
        "WHERE o.import_id = ? ORDER BY o.id", "observation_by_import",
        "WHERE v.old_import_id = ? AND v.table_name = 'observation'", "revision_by_old_import",
        "WHERE observation_id IN (?", "revision_by_observation",
        "FROM observation WHERE import_id > ?", "observation_by_import",
        "freshness f CROSS JOIN indicator i ON i.code = f.indicator", "freshness_by_expected",
        "FROM freshness WHERE overdue_after <", "freshness_by_overdue",
        // The region chooser jumps from place to place along the indicator's figures: a seek
        // per place it offers, never a read of every figure or every known place.
        "WHERE o.indicator = ? AND o.region > place.code", "observation_by_series",
        // vintage: each figure's state then, one seek into its revisions.
        VINTAGE_SEEK, "revision_by_observation"));
    Map<String, String> places = Map.of(
        // A ranking reads one period of one indicator; the periods are walked newest first.
        "o.headline = 1 AND o.period_end = ? AND o.period_start = ?", "observation_by_period",
        "GROUP BY o.period_end, o.period_start, o.period ORDER BY o.period_end DESC", "observation_by_period",
        "r.level = 'province' AND o.qualifier NOT IN", "observation_by_period",
        // A place's figures and counts.
        "WHERE o.region = ? AND", "observation_by_region",
        "(SELECT count(DISTINCT o.indicator) FROM observation o WHERE o.region = r.code)", "observation_by_region");
    Map<String, String> all = new LinkedHashMap<>(expected);
    all.putAll(places);
    all.putAll(Map.of(
        // Search reads one kind's range of each index: names for exact and prefix matches,
        // grams for short words, the trigram table for longer ones (a virtual-table index).
        "FROM search_name INDEXED BY search_name_by_name WHERE name >= ? AND name < ?", "search_name_by_name",
        "FROM search_name n INDEXED BY search_name_by_name JOIN search_entry e", "search_name_by_name",
        "FROM search_gram d WHERE d.gram = ?", "PRIMARY KEY",
        "FROM search_text WHERE search_text MATCH ?", "VIRTUAL TABLE INDEX",
        "WHERE o.region IN (?", "observation_by_region"));
    all.putAll(Map.of(
        // The release calendar: the open expectations through their partial index, the months
        // that can be due (a range bounded by the longest grace), the overdue ones, and the
        // longest grace from its index.
        "WHERE e.ended_at IS NULL ORDER BY e.indicator", "release_expectation_open",
        "WHERE e.ended_at IS NULL AND e.indicator = ?", "release_expectation_open",
        "BETWEEN ? AND ? AND f.overdue_after >= ?", "freshness_by_expected",
        "WHERE f.overdue_after < ? ORDER BY f.overdue_after", "freshness_by_overdue",
        "SELECT max(grace_months) FROM schedule", "schedule_by_grace",
        "AND outcome = 'released' GROUP BY series", "release_expectation_by_series",
        "AND ended_at IS NULL GROUP BY series", "release_expectation_by_series"));
    for (Map.Entry<String, String> e : all.entrySet()) {
      List<String> matching = ran.values().stream().flatMap(Set::stream)
          .filter(sql -> sql.replaceAll("\\s+", " ").contains(e.getKey()))
          .toList();
      assertFalse(matching.isEmpty(), "a request ran a query with " + e.getKey());
      for (String sql : matching) {
        String plan = String.join("\n", plan(sql));
        assertTrue(plan.contains(e.getValue()), e.getValue() + " for " + e.getKey() + ":\n" + plan);
      }
    }
  }

  /**
   * Walks down an indicator's periods (a ranking's period list, the latest period with places)
   * stop at their limit only when grouping and order follow the index; a temporary b-tree means
   * every figure of the indicator is grouped first (21,000 at 1,000x the seed).
   */
  @Test
  void periodWalksFollowTheIndexAndStopAtTheirLimit() throws Exception {
    List<String> walks = ran.values().stream().flatMap(Set::stream).distinct()
        .filter(sql -> sql.replaceAll("\\s+", " ")
            .matches(".*GROUP BY o\\.period_end, o\\.period_start, o\\.period .*ORDER BY o\\.period_end DESC.* LIMIT .*"))
        .toList();
    assertEquals(1, walks.size(), "the walk of Ranking (one per level, the same query): " + walks);
    for (String sql : walks) {
      String plan = String.join("\n", plan(sql));
      assertTrue(plan.contains("observation_by_period") && !plan.contains("TEMP B-TREE"),
          sql.replaceAll("\\s+", " ") + ":\n" + plan);
    }
  }

  /** A query-interface method as {@code Interface.method(ParameterType, …)}. */
  static String key(Method m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(
        m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * The queries of every query interface (the store's DataStore and each feature's
   * {@code *Queries}), found in the compiled classes: a query added to any of them is covered.
   */
  static Set<String> everyQuery() throws ClassNotFoundException {
    Set<String> queries = new TreeSet<>();
    for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.aimonitor")) {
      if (c.isInterface() && (c.getSimpleName().endsWith("Queries")
          || c.getName().equals(DataStore.class.getName()))) {
        for (Method m : Class.forName(c.getName()).getDeclaredMethods()) {
          if (m.isAnnotationPresent(SqlQuery.class)) {
            queries.add(key(m));
          }
        }
      }
    }
    return queries;
  }

  /** Queries no page, API answer or health check runs, and why; checked by their own tests. */
  static final Set<String> NOT_RUN_BY_PAGES = Set.of(
      // What the command line and the tests count after an import.
      "DataStore.observationCount()",
      // What the freshness writer reads as an import commits (every indicator, by design) and
      // when the server starts; FreshnessPagesTest and ReleaseUpgradeTest cover them.
      "FreshnessQueries.everySchedule(Consumer)", "FreshnessQueries.published(Collection)",
      "FreshnessQueries.everyIndicatorsNewest(Consumer)", "FreshnessQueries.dataVersion()",
      "FreshnessQueries.workedOutAt()",
      // vintage: counted only for a series longer than a chart draws (400 periods; the import
      // above has 250): IndicatorVintagesTest runs it, theVintageReadsSeekTheRevisionIndex plans it.
      "IndicatorQueries.vintageHeadlineCount(String, FigureFilter, AsOf)");

  /** What each vintage read seeks: a figure's revisions (its first after the day, or any older). */
  static final String VINTAGE_SEEK = "WHERE x.observation_id = o.id AND";

  /**
   * vintage: every read of a past view reaches each figure's state through
   * {@code revision_by_observation} and the indicator's figures through an index of its
   * series or its places (the chart's count too, which the requests above do not
   * run); without the revision index the same plans scan the revisions for every figure, so
   * this check fails when the index is dropped.
   */
  @Test
  void theVintageReadsSeekTheRevisionIndex(@org.junit.jupiter.api.io.TempDir Path copyDir) throws Exception {
    List<String> vintage = new ArrayList<>(ran.values().stream().flatMap(Set::stream).distinct()
        .filter(sql -> sql.replaceAll("\\s+", " ").contains(VINTAGE_SEEK)).toList());
    assertTrue(vintage.size() >= 5, "the page, its count, its chart, the CSV and the API: " + vintage);
    vintage.add(countOfVintageHeadlines());
    for (String sql : vintage) {
      String plan = String.join("\n", plan(sql));
      assertTrue(plan.contains("USING INDEX revision_by_observation"), sql + ":\n" + plan);
      assertTrue(plan.contains("SEARCH o USING INDEX observation_by_")
          || plan.contains("SEARCH o USING COVERING INDEX observation_by_"), sql + ":\n" + plan);
      assertFalse(plan.contains("SCAN o\n") || plan.endsWith("SCAN o"), sql + ":\n" + plan);
    }
    // The same plans on a copy of the database without the index: the check above then fails.
    Path copy = copyDir.resolve("copy.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.db().file());
        var s = c.createStatement()) {
      s.execute("VACUUM INTO '" + copy + "'");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        var s = c.createStatement()) {
      s.execute("DROP INDEX revision_by_observation");
      for (String sql : vintage) {
        List<String> steps = new ArrayList<>();
        try (ResultSet rs = c.prepareStatement("EXPLAIN QUERY PLAN " + sql).executeQuery()) {
          while (rs.next()) {
            steps.add(rs.getString("detail"));
          }
        }
        assertFalse(String.join("\n", steps).contains("USING INDEX revision_by_observation"), sql);
      }
    }
  }

  /** The SQL of {@code IndicatorQueries.vintageHeadlineCount}, as jdbi renders it for one place. */
  private static String countOfVintageHeadlines() {
    List<String> seen = new ArrayList<>();
    app.db().jdbi().withHandle(h -> {
      h.setSqlLogger(new SqlLogger() {
        @Override
        public void logBeforeExecution(StatementContext ctx) {
          seen.add(ctx.getParsedSql().getSql());
        }
      });
      return h.attach(org.aimonitor.indicator.IndicatorQueries.class).vintageHeadlineCount(
          "ai_pc_share", new org.aimonitor.region.Filter("US", null, null), AsOf.FIRST);
    });
    assertEquals(1, seen.size(), seen.toString());
    return seen.get(0);
  }

  /**
   * The requests above ran every query of the query interfaces, so the plans checked here are
   * those of every read a page makes: a query that no request runs must get one, or a reason.
   */
  @Test
  void theRequestsRunEveryQueryOfTheQueryInterfaces() throws Exception {
    Set<String> missing = new TreeSet<>(everyQuery());
    missing.removeAll(methodsRan);
    missing.removeAll(NOT_RUN_BY_PAGES);
    assertEquals(Set.of(), missing, "queries no request ran (add a request to REQUESTS)");
    assertTrue(everyQuery().containsAll(NOT_RUN_BY_PAGES), "NOT_RUN_BY_PAGES names a query that is gone");
  }

  @Test
  void theCheckSeesAFullScanWhenThereIsOne() throws Exception {
    String sql = "SELECT * FROM observation o WHERE o.note = 'x'";
    List<String> plan = plan(sql);
    assertTrue(plan.stream().anyMatch(s -> s.equals("SCAN o")), plan.toString());
    assertEquals("observation", tablesByAlias(sql).get("o"));
  }
}
