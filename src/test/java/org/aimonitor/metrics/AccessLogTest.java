package org.aimonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AIM_ACCESS_LOG: a line per request, by route template, with nothing personal in it. */
class AccessLogTest {

  @TempDir
  Path dir;

  private static List<String> logged(Path dir, Map<String, String> env, String... paths) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (TestApp app = TestApp.start(dir, env)) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (String path : paths) {
        app.get(path, "Cookie", "aim_seen=1-1; lang=en");
      }
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("access - ")).toList();
  }

  @Test
  void oneLinePerRequestWithRouteStatusBytesDurationAndCacheOutcome() {
    List<String> lines = logged(dir, Map.of("AIM_ACCESS_LOG", "true"),
        "/indicators/ai_core_industry_scale?region=CN&email=reader@example.org",
        "/indicators/ai_core_industry_scale?region=CN&email=reader@example.org",
        "/no/such/page?token=secret");
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).matches(
        ".* \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z GET /indicators/\\{code} 200 \\d+ [0-9.]+ms cache=miss"),
        lines.get(0));
    assertTrue(lines.get(1).endsWith("cache=hit"), lines.get(1));
    assertTrue(lines.get(2).contains(" GET NOT_FOUND 404 "), lines.get(2));
    for (String line : lines) {
      for (String personal : List.of("reader@", "email", "region", "secret", "aim_seen", "ai_core")) {
        assertFalse(line.contains(personal), personal + " in " + line);
      }
    }
  }

  @Test
  void offByDefault() {
    assertTrue(logged(dir, Map.of(), "/", "/summary").isEmpty());
  }

  @Test
  void aLineSaysUnknownBytesAndNoCacheWithADash() {
    assertEquals("2026-12-07T00:00:00Z POST /updates/marks 303 - 1.5ms cache=-",
        AccessLog.line(java.time.Instant.parse("2026-12-07T00:00:00Z"), "POST", "/updates/marks",
            303, -1, 1.5f, null));
  }
}
