package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query a page, API answer or health check runs reaches the big tables through an index:
 * SQLite's own plan for each ({@code EXPLAIN QUERY PLAN}) is read and no step may scan
 * observations, sources, events, indicators or revisions row by row. Plans, not times: the test
 * never fails on speed. Exports read whole tables by design and are left out.
 */
class QueryPlanTest {

  /** Tables that grow with the data; scanning one without an index costs the database's size. */
  static final Set<String> BIG = Set.of("observation", "source", "event", "indicator", "revision",
      "import_log");
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:FROM|JOIN)\\s+([a-z_.]+)(?:\\s+(?:AS\\s+)?([a-z]\\w*))?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NOT_ALIASES = Set.of("where", "join", "on", "order", "group",
      "limit", "left", "inner", "using", "union", "as", "window");

  static TestApp app;
  /** What each request ran: the address, then the SQL of each statement (placeholders unbound). */
  static final Map<String, Set<String>> ran = new LinkedHashMap<>();
  static String current;

  /** Every page kind, in both languages where it has words, a second page, and the API. */
  static final List<String> REQUESTS = List.of("/", "/summary", "/summary?lang=zh", "/indicators", "/indicators?page=1",
      "/indicators/ai_pc_share", "/indicators/ai_pc_share?page=2",
      "/indicators/ai_pc_share?region=US&from=1900&to=1950", "/indicators/ai_pc_share.json",
      "/sources", "/sources/ecns-2026-03-05", "/sources/ecns-2026-03-05?page=2", "/timeline",
      "/data", "/healthz", "/api/v1/indicators", "/api/v1/indicators?limit=5",
      "/api/v1/indicators/ai_pc_share", "/api/v1/sources?limit=5", "/api/v1/events?limit=5",
      "/?lang=zh", "/indicators/ai_pc_share?lang=zh", "/sources?lang=zh");

  @BeforeAll
  static void start(@TempDir Path dir) {
    app = TestApp.start(dir);
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 250));
    app.db().jdbi().setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext ctx) {
        if (current != null) {
          ran.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(ctx.getParsedSql().getSql());
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
    current = null;
  }

  @AfterAll
  static void stop() {
    app.close();
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
    Map<String, String> expected = Map.of(
        "FROM revision WHERE observation_id IN", "revision_by_observation",
        "o.headline = 1 ORDER BY o.period_end DESC", "observation_headline_series",
        "FROM event ORDER BY date, id", "event_by_date",
        "ORDER BY s.publisher COLLATE NOCASE, s.id", "source_by_publisher",
        "FROM indicator i WHERE", "indicator_in_list_order",
        "JOIN indicator i ON i.code = o.indicator WHERE o.source = ?", "observation_by_source",
        "FROM event WHERE source = ? ORDER BY date, id", "event_by_source",
        "WHERE category = ? ORDER BY date DESC", "event_by_category");
    for (Map.Entry<String, String> e : expected.entrySet()) {
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

  @Test
  void theCheckSeesAFullScanWhenThereIsOne() throws Exception {
    String sql = "SELECT * FROM observation o WHERE o.note = 'x'";
    List<String> plan = plan(sql);
    assertTrue(plan.stream().anyMatch(s -> s.equals("SCAN o")), plan.toString());
    assertEquals("observation", tablesByAlias(sql).get("o"));
  }
}
