package org.aimonitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.Seed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Facts about the seed files in {@code data/} that no import check can know: what the pages make
 * of a figure must not be less than what was published.
 */
class SeedDataTest {

  private static List<CSVRecord> read(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("data", file), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
          .getRecords();
    }
  }

  @Test
  void theSeedFilesHoldTheRowsTheTestsCount() throws IOException {
    Map<String, Integer> expected = new java.util.LinkedHashMap<>();
    expected.put("languages.csv", Seed.LANGUAGES);
    expected.put("categories.csv", Seed.CATEGORIES);
    expected.put("units.csv", Seed.UNITS);
    expected.put("regions.csv", Seed.REGIONS);
    expected.put("sources.csv", Seed.SOURCES);
    expected.put("indicators.csv", Seed.INDICATORS);
    expected.put("observations.csv", Seed.OBSERVATIONS);
    expected.put("events.csv", Seed.EVENTS);
    expected.put("schedules.csv", Seed.SCHEDULES);
    Map<String, Integer> actual = new java.util.LinkedHashMap<>();
    for (String file : expected.keySet()) {
      actual.put(file, read(file).size());
    }
    assertEquals(expected, actual, "a data release changes the counts in org.aimonitor.Seed");
  }

  @Test
  void noFigureHasMoreDecimalsThanItsIndicatorShows() throws IOException {
    Map<String, Integer> decimals = new HashMap<>();
    read("indicators.csv").forEach(r -> decimals.put(r.get("code"), Integer.parseInt(r.get("decimals"))));
    List<String> rounded = new ArrayList<>();
    for (CSVRecord r : read("observations.csv")) {
      int published = Math.max(0, new BigDecimal(r.get("value")).stripTrailingZeros().scale());
      if (published > decimals.get(r.get("indicator"))) {
        rounded.add(r.get("indicator") + " " + r.get("region") + " " + r.get("period") + " " + r.get("value"));
      }
    }
    assertEquals(List.of(), rounded, "pages would show these figures rounded; raise decimals in indicators.csv");
  }
}
