package org.aimonitor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.aimonitor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vintage: the cost of a past view at the size of the heaviest indicator at 1,000x the seed
 * (about 21,000 figures, {@link SyntheticData}) with 40,000 revisions of them — every figure
 * revised once, most twice, far more than the 1,000x revision import gives one indicator —
 * imported through the real importer, served with the page cache off. Prints the median time of
 * each past view beside today's (and the load average); asserts only what they show, never a
 * time (.ci/benchmark-scale measures the whole dataset).
 */
class VintageScaleIT {

  static final String CODE = "ai_enterprises";
  /** 25 places × 840 months (1900-1969, before any real figure) = 21,000 figures. */
  static final List<String> PLACES = List.of("CN", "CN-GC", "WORLD", "US", "CN-BJ", "CN-SH",
      "CN-GD", "CN-GD-SZ", "CN-GD-GZ", "CN-ZJ", "CN-ZJ-HZ", "CN-JS", "CN-JS-SU", "CN-AH",
      "CN-AH-HF", "CN-SC", "CN-SC-CD", "CN-HB", "CN-HB-WH", "CN-TJ", "CN-CQ", "CN-SD", "CN-FJ",
      "CN-HN", "CN-SN");
  static final int MONTHS = 840;
  static final int TWICE = 19_000;
  static final int WARM_UP = 2;
  static final int TIMED = 7;

  @TempDir
  Path dir;

  /** The figures, the first {@code limit} of them with {@code add} added to their value. */
  static String figures(int add, int limit) {
    StringBuilder csv = new StringBuilder("indicator,region,period,value,qualifier,source,headline,note\n");
    int n = 0;
    for (String place : PLACES) {
      for (int m = 0; m < MONTHS && n < limit; m++, n++) {
        csv.append(CODE).append(',').append(place).append(',').append(1900 + m / 12).append('-')
            .append(String.format(Locale.ROOT, "%02d", 1 + m % 12)).append(',').append(n + 1 + add)
            .append(",reported,ecns-2026-03-05,1,Synthetic test row (not a real figure)\n");
      }
    }
    return csv.toString();
  }

  @Test
  void pastViewsOfAHeavyIndicatorWithFortyThousandRevisions() throws Exception {
    try (TestApp app = TestApp.start(dir, Map.of("AIM_PAGE_CACHE_MB", "0"))) {
      int all = PLACES.size() * MONTHS;
      TestData.importCsv(app.db(), "first.csv", figures(0, all));
      TestData.importCsv(app.db(), "revised.csv", figures(1, all));
      TestData.importCsv(app.db(), "revised-again.csv", figures(2, TWICE));
      long revisions = app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM revision WHERE table_name = 'observation'").mapTo(Long.class).one());
      assertEquals(all + TWICE, revisions);

      // What they show: the first value, and today's.
      JsonNode first = Json.MAPPER.readTree(app.get("/api/v1/indicators/" + CODE
          + "?region=CN&from=1900&to=1900&vintage=first").body());
      assertEquals("1", first.get("observations").get(0).get("value").asText());
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      JsonNode now = Json.MAPPER.readTree(app.get("/api/v1/indicators/" + CODE
          + "?region=CN&from=1900&to=1900&as_of=" + today).body());
      assertEquals("3", now.get("observations").get(0).get("value").asText());

      List<String> paths = List.of("/indicators/" + CODE, "/indicators/" + CODE + "?vintage=first",
          "/indicators/" + CODE + "?as_of=" + today, "/indicators/" + CODE + "?vintage=first&page=2",
          "/indicators/" + CODE + "?region=CN&vintage=first", "/indicators/" + CODE + "?region=CN",
          "/indicators/" + CODE + ".json?vintage=first", "/api/v1/indicators/" + CODE,
          "/api/v1/indicators/" + CODE + "?as_of=" + today, "/api/v1/indicators/" + CODE + "?vintage=first",
          "/api/v1/indicators/" + CODE + "?vintage=first&region=US",
          "/indicators/" + CODE + ".csv?vintage=first", "/indicators/" + CODE + ".csv");
      List<String> lines = new ArrayList<>();
      for (String path : paths) {
        long[] ms = new long[TIMED];
        for (int i = 0; i < WARM_UP + TIMED; i++) {
          long t = System.nanoTime();
          HttpResponse<String> r = app.get(path);
          long took = (System.nanoTime() - t) / 1_000_000;
          assertEquals(200, r.statusCode(), path);
          if (i >= WARM_UP) {
            ms[i - WARM_UP] = took;
          }
        }
        Arrays.sort(ms);
        lines.add(String.format(Locale.ROOT, "%-60s median %5d ms, max %5d ms", path, ms[TIMED / 2],
            ms[TIMED - 1]));
      }
      System.out.println("vintage at scale: " + all + " figures of " + CODE + ", " + revisions
          + " revisions; load average " + Files.readString(Path.of("/proc/loadavg")).strip());
      lines.forEach(System.out::println);
    }
  }
}
