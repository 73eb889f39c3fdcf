package org.aimonitor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Vocabulary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A synthetic dataset N times the size of the seed, in the import format of the seed files,
 * for measuring how the monitor copes with growth ({@code .ci/benchmark-scale}, {@code ScaleIT}).
 *
 * <p>Nothing here can be mistaken for a real figure: every period and date lies in 1900-1989, ids
 * and codes start with {@code synthetic}, addresses are under the reserved {@code .invalid} domain,
 * and every title, name and note says it is synthetic. The output is deterministic (a fixed random
 * seed), so runs at the same scale are comparable.
 *
 * <p>Every file of the seed has its synthetic counterpart, N times its rows: the reference tables
 * (languages, categories, units, places), sources, indicators, observations, events and release
 * schedules. Observations are skewed over indicators as real data are (Zipf-like):
 * {@code synthetic_000001} is always the heaviest, with about 21,000 observations at scale 1000;
 * most indicators get a handful. Files are split below the importer's caps (50,000 rows, 5 MB) and
 * named so that sorting by name gives the order they must be imported in (a file refers only to
 * the files before it): {@code 0-languages}, {@code 1-categories}, {@code 2-units},
 * {@code 3-regions}, {@code 4-sources}, {@code 5-indicators}, {@code 6-observations},
 * {@code 7-events}, {@code 8-schedules}.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$DEPS org.aimonitor.bench.SyntheticData --scale 100 --out /tmp/x
 * </pre>
 */
public final class SyntheticData {

  /**
   * The seed's row counts (data/*.csv): scale N writes N times as many synthetic rows of each
   * table.
   */
  public static final int SOURCES_PER_SCALE = org.aimonitor.Seed.SOURCES;
  public static final int INDICATORS_PER_SCALE = org.aimonitor.Seed.INDICATORS;
  public static final int OBSERVATIONS_PER_SCALE = org.aimonitor.Seed.OBSERVATIONS;
  public static final int EVENTS_PER_SCALE = org.aimonitor.Seed.EVENTS;
  /** The seed's schedules.csv has 12 rows: scale N writes 12N synthetic release schedules. */
  public static final int SCHEDULES_PER_SCALE = 12;
  /** The seed's reference tables: scale N writes N times their rows as synthetic rows. */
  public static final int LANGUAGES_PER_SCALE = 3;
  public static final int CATEGORIES_PER_SCALE = 7;
  public static final int UNITS_PER_SCALE = 7;

  /** Most data rows per file (the importer's cap, {@code Importer.MAX_ROWS}). */
  public static final int MAX_ROWS_PER_FILE = 50_000;
  /** Most bytes per file: under the importer's 5,242,880 with room to spare. */
  public static final long MAX_BYTES_PER_FILE = 4_500_000;

  /** The seed's own places; synthetic places (26 per scale) are added under China. */
  public static final List<String> REGIONS = List.of("CN", "CN-GC", "WORLD", "US");
  /** The seed's regions.csv has 26 rows: scale N writes 26N synthetic places. */
  public static final int REGIONS_PER_SCALE = 26;
  /** The seed's aliases.csv has 45 rows: scale N writes 45N synthetic short forms of places. */
  public static final int ALIASES_PER_SCALE = 45;

  /**
   * Reference rows of the seed that synthetic rows refer to (they are data, in the seed), beside
   * the synthetic ones: half of the indicators are in a synthetic category, a third count in a
   * synthetic unit, and a tenth of the sources are in a synthetic language.
   */
  static final List<String> CATEGORIES =
      List.of("scale", "enterprises", "segments", "hardware", "adoption", "compute", "global");
  static final List<String> UNITS =
      List.of("CNY_bn", "USD_bn", "million_units", "million_users", "pct", "count", "EFLOPS");
  static final List<String> LANGUAGES = List.of("en", "zh", "fr");

  /** Years of the main dataset; every one is before 1990, so no row passes for a real figure. */
  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 1979;
  /** Years kept free for {@link #writeExtraObservations}, so its keys never meet the main ones. */
  public static final int EXTRA_FIRST_YEAR = 1980;
  public static final int EXTRA_LAST_YEAR = 1989;

  /** Written next to the CSV files: the code and observation count of the heaviest indicator. */
  public static final String HEAVIEST_FILE = "heaviest-indicator.txt";

  private static final long SEED = 20_260_305L;
  private static final String OBSERVATION_NOTE = "synthetic benchmark; not a real figure";
  /**
   * Language codes of synthetic sources start with {@code qsy}, in the range ISO 639-2 reserves
   * for local use (qaa-qtz), so no code is a real language's.
   */
  private static final String LANGUAGE_PREFIX = "qsy-";
  /** Cadences of synthetic schedules, weighted about as in the seed (mostly annual). */
  private static final String[] CADENCES = {"annual", "semi-annual", "quarterly", "monthly", "irregular"};
  private static final int[] CADENCE_WEIGHTS = {45, 20, 15, 10, 10};
  /** How an expected month is worked out: release months, a lag, or past releases alone. */
  private static final int[] TIMING_WEIGHTS = {30, 30, 40};

  private static final String[] UNIT_EN = {"billion yuan", "billion US dollars", "million units",
      "million users", "%", "enterprises", "EFLOPS"};
  private static final String[] UNIT_ZH = {"亿元", "亿美元", "万台", "亿人", "%", "家", "EFLOPS"};
  /** Largest value per unit, in {@link #UNITS} order. */
  private static final double[] UNIT_MAX = {20_000, 2_000, 500, 1_500, 100, 10_000, 2_000};
  /** {@link #unitIndex} of an indicator in a synthetic unit, and the largest value it gets. */
  private static final int SYNTHETIC_UNIT = -1;
  private static final double SYNTHETIC_UNIT_MAX = 1_000;

  private static final String[] QUALIFIERS =
      {"reported", "approx", "lower_bound", "derived", "forecast", "target"};
  private static final int[] QUALIFIER_WEIGHTS = {60, 12, 12, 4, 7, 5};
  private static final int[] RELIABILITY_WEIGHTS = {16, 37, 46, 1};
  private static final int[] LANGUAGE_WEIGHTS = {60, 39, 1};
  /** Granularities YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM/YYYY-MM: mostly years, as in the seed. */
  private static final int[] GRANULARITY_WEIGHTS = {45, 10, 20, 15, 10};
  /** Rows per (indicator, region, period) group: 1, 2 or 3, each from a different source. */
  private static final int[] GROUP_SIZE_WEIGHTS = {45, 35, 20};

  private SyntheticData() {
  }

  /** The code of the {@code n}-th synthetic indicator (1-based). */
  public static String indicatorCode(int n) {
    return String.format(Locale.ROOT, "synthetic_%06d", n);
  }

  /**
   * The code of the {@code n}-th synthetic place (1-based): every third a province under China,
   * the others cities of the province before them ("SYN-P000001", "SYN-P000001-C000002").
   */
  public static String placeCode(int n) {
    int province = ((n - 1) / 3) * 3 + 1;
    return n == province ? String.format(Locale.ROOT, "SYN-P%06d", n)
        : String.format(Locale.ROOT, "SYN-P%06d-C%06d", province, n);
  }

  /** The code of the {@code n}-th synthetic language (1-based): "qsy-000001". */
  public static String languageCode(int n) {
    return String.format(Locale.ROOT, "%s%06d", LANGUAGE_PREFIX, n);
  }

  /** The code of the {@code n}-th synthetic indicator category (1-based). */
  public static String categoryCode(int n) {
    return String.format(Locale.ROOT, "synthetic_category_%06d", n);
  }

  /** The code of the {@code n}-th synthetic unit (1-based). */
  public static String unitCode(int n) {
    return String.format(Locale.ROOT, "synthetic_unit_%06d", n);
  }

  /** The code of the {@code n}-th synthetic release schedule (1-based). */
  public static String seriesCode(int n) {
    return String.format(Locale.ROOT, "synthetic-series-%06d", n);
  }

  /** The id of the {@code n}-th synthetic source (1-based). */
  public static String sourceId(int n) {
    return String.format(Locale.ROOT, "synthetic-src-%06d", n);
  }

  /** The indicator with the most observations; the same at every scale. */
  public static String heaviestIndicator() {
    return indicatorCode(1);
  }

  /** How many observations each indicator gets: Zipf-like, at least one each, summing to 269N. */
  public static int[] observationCounts(int scale) {
    int indicators = INDICATORS_PER_SCALE * scale;
    int total = OBSERVATIONS_PER_SCALE * scale;
    int[] counts = new int[indicators];
    int spread = total - indicators;
    double harmonic = 0;
    for (int k = 1; k <= indicators; k++) {
      harmonic += 1.0 / k;
    }
    int given = 0;
    for (int k = 1; k <= indicators; k++) {
      counts[k - 1] = 1 + (int) Math.floor(spread / (harmonic * k));
      given += counts[k - 1];
    }
    // What rounding down left over goes one each to the heaviest indicators.
    for (int k = 0; given < total; k = (k + 1) % indicators) {
      counts[k]++;
      given++;
    }
    return counts;
  }

  /**
   * Writes the dataset at {@code scale} into {@code dir} (created if missing; it must be empty
   * and must not be a repository's data folder) and returns the CSV files in import order.
   *
   * @throws IllegalArgumentException when the scale or the folder is refused
   */
  public static List<Path> write(int scale, Path dir) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1, not " + scale);
    }
    int[] counts = observationCounts(scale);
    List<String> places = places(scale);
    int capacity = periodCodes(FIRST_YEAR, LAST_YEAR).size() * places.size() * 3;
    if (counts[0] > capacity) {
      throw new IllegalArgumentException("scale " + scale + " is too large: the heaviest indicator"
          + " would need " + counts[0] + " observations, but only " + capacity
          + " distinct (region, period, source) keys fit into " + FIRST_YEAR + "-" + LAST_YEAR);
    }
    checkOutput(dir);
    try {
      Files.createDirectories(dir);
      Random random = new Random(SEED);
      List<Path> files = new ArrayList<>();
      try (Roller out = new Roller(dir, "0-languages", CsvTable.LANGUAGES)) {
        for (int i = 1; i <= LANGUAGES_PER_SCALE * scale; i++) {
          out.row(language(i));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "1-categories", CsvTable.CATEGORIES)) {
        for (int i = 1; i <= CATEGORIES_PER_SCALE * scale; i++) {
          out.row(category(i));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "2-units", CsvTable.UNITS)) {
        for (int i = 1; i <= UNITS_PER_SCALE * scale; i++) {
          out.row(unit(i));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "3-regions", CsvTable.REGIONS)) {
        for (int i = 1; i <= REGIONS_PER_SCALE * scale; i++) {
          out.row(place(i));
        }
        files.addAll(out.files());
      }
      // Short forms of the synthetic places (aliases.csv): "3a" sorts after "3-regions".
      try (Roller out = new Roller(dir, "3a-aliases", CsvTable.ALIASES)) {
        for (int i = 1; i <= ALIASES_PER_SCALE * scale; i++) {
          out.row(alias(i, scale));
        }
        files.addAll(out.files());
      }
      int sources = SOURCES_PER_SCALE * scale;
      try (Roller out = new Roller(dir, "4-sources", CsvTable.SOURCES)) {
        for (int i = 1; i <= sources; i++) {
          out.row(source(i, scale, random));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "5-indicators", CsvTable.INDICATORS)) {
        for (int i = 1; i <= counts.length; i++) {
          out.row(indicator(i, scale, random));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "6-observations", CsvTable.OBSERVATIONS)) {
        List<String> periods = periodCodes(FIRST_YEAR, LAST_YEAR);
        for (int i = 1; i <= counts.length; i++) {
          observations(indicatorCode(i), unitIndex(i), counts[i - 1], FIRST_YEAR, LAST_YEAR,
              periods, places, sources, random, out);
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "7-events", CsvTable.EVENTS)) {
        for (int i = 1; i <= EVENTS_PER_SCALE * scale; i++) {
          out.row(event(i, sources, random));
        }
        files.addAll(out.files());
      }
      try (Roller out = new Roller(dir, "8-schedules", CsvTable.SCHEDULES)) {
        for (int i = 1; i <= SCHEDULES_PER_SCALE * scale; i++) {
          out.row(schedule(i, scale, random));
        }
        files.addAll(out.files());
      }
      Files.writeString(dir.resolve(HEAVIEST_FILE), heaviestIndicator() + " " + counts[0] + "\n");
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code files × rowsPerFile} more observations for the dataset written by
   * {@link #write} at the same scale (its indicators and sources must be imported): new keys
   * only, in the years {@value #EXTRA_FIRST_YEAR}-{@value #EXTRA_LAST_YEAR} that the main dataset
   * leaves free, spread evenly over the indicators, one headline per group. Files are named
   * {@code 9-extra-observations-NNN.csv}; a file over the byte cap spills into one more.
   */
  public static List<Path> writeExtraObservations(int scale, Path dir, int files, int rowsPerFile) {
    int indicators = INDICATORS_PER_SCALE * scale;
    long total = (long) files * rowsPerFile;
    List<String> periods = periodCodes(EXTRA_FIRST_YEAR, EXTRA_LAST_YEAR);
    List<String> places = places(scale);
    long perIndicator = (total + indicators - 1) / indicators;
    if (perIndicator > (long) periods.size() * places.size() * 3) {
      throw new IllegalArgumentException(total + " extra observations do not fit into "
          + indicators + " indicators at scale " + scale);
    }
    checkOutput(dir);
    try {
      Files.createDirectories(dir);
      Random random = new Random(SEED + 1);
      try (Roller out = new Roller(dir, "9-extra-observations", CsvTable.OBSERVATIONS, rowsPerFile)) {
        long left = total;
        for (int i = 1; i <= indicators && left > 0; i++) {
          int count = (int) Math.min(left, total / indicators + (i <= total % indicators ? 1 : 0));
          observations(indicatorCode(i), unitIndex(i), count, EXTRA_FIRST_YEAR, EXTRA_LAST_YEAR,
              periods, places, SOURCES_PER_SCALE * scale, random, out);
          left -= count;
        }
        return out.files();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code original} (an observations file) to {@code target} with every value changed
   * (one more), so that importing it revises every row it holds.
   */
  public static void writeRevised(Path original, Path target) {
    try (Reader in = Files.newBufferedReader(original, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get();
        Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CsvTable.format())) {
      List<String> columns = CsvTable.OBSERVATIONS.columns();
      printer.printRecord(columns);
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
          String cell = record.get(column);
          cells.add(column.equals("value") ? new BigDecimal(cell).add(BigDecimal.ONE).toPlainString() : cell);
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses a folder that is inside a folder named {@code data} of a git work tree with a
   * pom.xml (the seed lives there), or that exists and is not empty.
   */
  public static void checkOutput(Path dir) {
    Path path = realish(dir);
    for (Path root = path; root != null; root = root.getParent()) {
      if (Files.exists(root.resolve(".git")) && Files.isRegularFile(root.resolve("pom.xml"))) {
        for (Path part : root.relativize(path)) {
          if (part.toString().equals("data")) {
            throw new IllegalArgumentException("refusing to write synthetic data into " + dir
                + ": it is inside the data folder of the repository " + root);
          }
        }
        break;
      }
    }
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.list(path)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("refusing to write synthetic data into " + dir
              + ": the folder is not empty");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (Files.exists(path)) {
      throw new IllegalArgumentException("refusing to write synthetic data into " + dir
          + ": it is not a folder");
    }
  }

  /** The absolute path with symbolic links of its existing part resolved. */
  private static Path realish(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The places observations are spread over: the seed's, then the synthetic ones. */
  static List<String> places(int scale) {
    List<String> places = new ArrayList<>(REGIONS);
    for (int i = 1; i <= REGIONS_PER_SCALE * scale; i++) {
      places.add(placeCode(i));
    }
    return places;
  }

  // Rows of each table.

  private static List<String> place(int i) {
    String code = placeCode(i);
    boolean province = !code.contains("-C");
    String id = String.format(Locale.ROOT, "%06d", i);
    return List.of(code, "Synthetic place " + id + " (not a real place)", "合成地区" + id + "（非真实）",
        province ? "CN" : code.substring(0, code.indexOf("-C")), province ? "province" : "city");
  }

  /** A synthetic short form of a synthetic place (several per place at the seed's ratio). */
  private static List<String> alias(int i, int scale) {
    int place = (i - 1) % (REGIONS_PER_SCALE * scale) + 1;
    return List.of(String.format(Locale.ROOT, "合成简称%06d", i), placeCode(place),
        "synthetic short form (not a real one)");
  }

  private static List<String> language(int i) {
    String id = String.format(Locale.ROOT, "%06d", i);
    return List.of(languageCode(i), "Synthetic language " + id + " (not a real language)",
        "合成语言" + id + "（非真实）");
  }

  private static List<String> category(int i) {
    String id = String.format(Locale.ROOT, "%06d", i);
    return List.of(categoryCode(i), "Synthetic category " + id + " (not a real category)",
        "合成类别" + id + "（非真实）");
  }

  private static List<String> unit(int i) {
    String id = String.format(Locale.ROOT, "%06d", i);
    return List.of(unitCode(i), "synthetic unit " + id + " (not a real unit)",
        "合成单位" + id + "（非真实）", "{0} {unit}", "{0}{unit}", "0", "0 4 8");
  }

  private static List<String> source(int i, int scale, Random random) {
    String id = String.format(Locale.ROOT, "%06d", i);
    int year = year(random, FIRST_YEAR, LAST_YEAR);
    String published = switch (random.nextInt(10)) {
      case 0 -> "";
      case 1 -> Integer.toString(year);
      case 2, 3 -> String.format(Locale.ROOT, "%d-%02d", year, 1 + random.nextInt(12));
      default -> String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12),
          1 + random.nextInt(28));
    };
    String seedLanguage = LANGUAGES.get(pick(random, LANGUAGE_WEIGHTS));
    return List.of(sourceId(i),
        String.format(Locale.ROOT, "Synthetic Publisher %04d", random.nextInt(500)),
        "Synthetic benchmark publication " + id + " (not a real publication)",
        "https://synthetic.invalid/sources/" + id,
        published,
        i % 10 == 0 ? languageCode(cycle(i / 10, LANGUAGES_PER_SCALE * scale)) : seedLanguage,
        Vocabulary.RELIABILITY.get(pick(random, RELIABILITY_WEIGHTS)),
        "Synthetic benchmark source; not a real publication.");
  }

  private static List<String> indicator(int i, int scale, Random random) {
    String id = String.format(Locale.ROOT, "%06d", i);
    int unit = unitIndex(i);
    String seedCategory = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    boolean syntheticUnit = unit == SYNTHETIC_UNIT;
    return List.of(indicatorCode(i),
        i % 2 == 0 ? categoryCode(cycle(i / 2, CATEGORIES_PER_SCALE * scale)) : seedCategory,
        "Synthetic indicator " + id + " (benchmark, not a real figure)",
        "合成指标" + id + "（非真实）",
        syntheticUnit ? unitCode(cycle(i / 3, UNITS_PER_SCALE * scale)) : UNITS.get(unit),
        syntheticUnit ? "synthetic units" : UNIT_EN[unit],
        syntheticUnit ? "合成单位" : UNIT_ZH[unit],
        Integer.toString(random.nextInt(3)),
        "Synthetic benchmark indicator for load tests; its values are random, not a real figure.",
        "合成基准测试指标，数值随机生成（非真实数据）。",
        // Every third a stock, the rest flows: charts draw both kinds at scale.
        i % 3 == 0 ? "stock" : "flow");
  }

  /**
   * The {@code i}-th release schedule: it feeds 2-4 consecutive indicators from about
   * 35/12 × (i - 1) on, so that most indicators have one series, some two and some none (as in
   * the seed), and synthetic_000001 (the heaviest) always has one that gives an expected month.
   * Cadences, release months, lags and grace months vary; a quarter are cited (a
   * {@code .invalid} calendar), the rest inferred from 1-4 synthetic sources.
   */
  private static List<String> schedule(int i, int scale, Random random) {
    String id = String.format(Locale.ROOT, "%06d", i);
    int indicators = INDICATORS_PER_SCALE * scale;
    int first = (int) ((long) (i - 1) * INDICATORS_PER_SCALE / SCHEDULES_PER_SCALE) + 1;
    int last = Math.min(indicators, first + 1 + random.nextInt(3));
    List<String> fed = new ArrayList<>();
    for (int k = first; k <= last; k++) {
      fed.add(indicatorCode(k));
    }
    String cadence = i == 1 ? "annual" : CADENCES[pick(random, CADENCE_WEIGHTS)];
    String releaseMonths = "";
    String lag = "";
    String grace = "";
    if (!cadence.equals("irregular")) {
      int timing = pick(random, TIMING_WEIGHTS);
      int interval = switch (cadence) {
        case "annual" -> 12;
        case "semi-annual" -> 6;
        case "quarterly" -> 3;
        default -> 1;
      };
      if (timing == 0 && interval > 1) {
        int month = 1 + random.nextInt(interval);
        List<String> months = new ArrayList<>();
        for (int m = month; m <= 12; m += interval) {
          months.add(Integer.toString(m));
        }
        releaseMonths = String.join(" ", months);
      } else if (timing == 1) {
        lag = Integer.toString(random.nextInt(7));
      }
      if (random.nextInt(4) == 0) {
        grace = Integer.toString(random.nextInt(7));
      }
    }
    boolean cited = random.nextInt(4) == 0;
    List<String> evidence = new ArrayList<>();
    if (!cited) {
      int wanted = 1 + random.nextInt(4);
      int sources = SOURCES_PER_SCALE * scale;
      while (evidence.size() < Math.min(wanted, sources)) {
        String source = sourceId(1 + random.nextInt(sources));
        if (!evidence.contains(source)) {
          evidence.add(source);
        }
      }
    }
    return List.of(seriesCode(i),
        String.format(Locale.ROOT, "Synthetic Publisher %04d (not a real publisher)", random.nextInt(500)),
        "Synthetic release series " + id + " (not a real publication)",
        "合成发布系列" + id + "（非真实）",
        String.join(" ", fed),
        cadence, releaseMonths, lag, grace,
        cited ? "cited" : "inferred",
        cited ? "https://synthetic.invalid/schedules/" + id : "",
        String.join(" ", evidence),
        "Synthetic benchmark release schedule; not a real release calendar.");
  }

  private static List<String> event(int i, int sources, Random random) {
    String id = String.format(Locale.ROOT, "%06d", i);
    int year = year(random, FIRST_YEAR, EXTRA_LAST_YEAR);
    int month = 1 + random.nextInt(12);
    String date = random.nextInt(4) == 0 ? String.format(Locale.ROOT, "%d-%02d", year, month)
        : String.format(Locale.ROOT, "%d-%02d-%02d", year, month, 1 + random.nextInt(28));
    return List.of(date,
        Vocabulary.EVENT_CATEGORIES.get(random.nextInt(Vocabulary.EVENT_CATEGORIES.size())),
        "Synthetic benchmark event " + id + " (not a real event)",
        "合成事件" + id + "（非真实）",
        "Synthetic benchmark event for load tests; not a real event.",
        "合成基准测试事件（非真实事件）。",
        sourceId(1 + random.nextInt(sources)));
  }

  /**
   * {@code count} observations of one indicator in groups of 1-3 rows per (region, period), each
   * row from a different source and exactly one of them the headline.
   */
  private static void observations(String code, int unit, int count, int firstYear, int lastYear,
      List<String> allPeriods, List<String> places, int sources, Random random, Roller out)
      throws IOException {
    Set<String> used = new HashSet<>();
    int slots = allPeriods.size() * places.size();
    int left = count;
    while (left > 0) {
      int free = slots - used.size();
      int size = Math.min(left, left > 2 * free ? 3 : 1 + pick(random, GROUP_SIZE_WEIGHTS));
      String slot = freeSlot(random, used, allPeriods, places, firstYear, lastYear);
      int cut = slot.indexOf(' ');
      String region = slot.substring(0, cut);
      String period = slot.substring(cut + 1);
      int headline = random.nextInt(size);
      Set<Integer> cited = new HashSet<>();
      for (int r = 0; r < size; r++) {
        int source;
        do {
          source = 1 + random.nextInt(sources);
        } while (!cited.add(source) && cited.size() < sources);
        out.row(List.of(code, region, period, value(unit, random),
            QUALIFIERS[pick(random, QUALIFIER_WEIGHTS)], sourceId(source),
            r == headline ? "1" : "0", OBSERVATION_NOTE, "0", "0", ""));
      }
      left -= size;
    }
  }

  /**
   * A (region, period) not used yet by this indicator, as "REGION PERIOD": half of the figures
   * for the seed's places (national and world series), half for synthetic provinces and cities.
   */
  private static String freeSlot(Random random, Set<String> used, List<String> allPeriods,
      List<String> places, int firstYear, int lastYear) {
    // Mostly years, as in real data; when those run out, any free period in a fixed order.
    for (int tries = 0; tries < 20; tries++) {
      String place = random.nextBoolean() || places.size() == REGIONS.size()
          ? REGIONS.get(random.nextInt(REGIONS.size()))
          : places.get(REGIONS.size() + random.nextInt(places.size() - REGIONS.size()));
      String slot = place + " " + period(random, firstYear, lastYear);
      if (used.add(slot)) {
        return slot;
      }
    }
    int slots = allPeriods.size() * places.size();
    int start = random.nextInt(slots);
    for (int k = 0; k < slots; k++) {
      int s = (start + k) % slots;
      String slot = places.get(s % places.size()) + " " + allPeriods.get(s / places.size());
      if (used.add(slot)) {
        return slot;
      }
    }
    throw new IllegalStateException("no free (region, period) left");
  }

  private static String period(Random random, int firstYear, int lastYear) {
    int year = year(random, firstYear, lastYear);
    return switch (pick(random, GRANULARITY_WEIGHTS)) {
      case 0 -> Integer.toString(year);
      case 1 -> year + "-H" + (1 + random.nextInt(2));
      case 2 -> year + "-Q" + (1 + random.nextInt(4));
      case 3 -> String.format(Locale.ROOT, "%d-%02d", year, 1 + random.nextInt(12));
      default -> String.format(Locale.ROOT, "%d-01/%d-%02d", year, year, 2 + random.nextInt(11));
    };
  }

  /** Every period code of the years, in the five formats (ranges run from January, YTD-style). */
  static List<String> periodCodes(int firstYear, int lastYear) {
    List<String> codes = new ArrayList<>();
    for (int y = firstYear; y <= lastYear; y++) {
      codes.add(Integer.toString(y));
      codes.add(y + "-H1");
      codes.add(y + "-H2");
      for (int q = 1; q <= 4; q++) {
        codes.add(y + "-Q" + q);
      }
      for (int m = 1; m <= 12; m++) {
        codes.add(String.format(Locale.ROOT, "%d-%02d", y, m));
      }
      for (int m = 2; m <= 12; m++) {
        codes.add(String.format(Locale.ROOT, "%d-01/%d-%02d", y, y, m));
      }
    }
    return codes;
  }

  /** A plain decimal with 0-2 decimals, in the unit's usual range. */
  private static String value(int unit, Random random) {
    boolean synthetic = unit == SYNTHETIC_UNIT;
    int decimals = !synthetic && UNITS.get(unit).equals("count") ? 0 : random.nextInt(3);
    double v = (synthetic ? SYNTHETIC_UNIT_MAX : UNIT_MAX[unit]) * random.nextDouble();
    return BigDecimal.valueOf(Math.max(v, 0.01)).setScale(decimals, RoundingMode.HALF_UP)
        .max(BigDecimal.ONE.movePointLeft(decimals)).toPlainString();
  }

  /**
   * The unit of an indicator: {@link #SYNTHETIC_UNIT} for every third one (a synthetic unit),
   * else the index of one of the seed's in {@link #UNITS}.
   */
  private static int unitIndex(int indicator) {
    return indicator % 3 == 0 ? SYNTHETIC_UNIT : (indicator * 7 + indicator / 7) % UNITS.size();
  }

  /** The {@code n}-th of {@code size} synthetic rows, counting round (1-based). */
  private static int cycle(int n, int size) {
    return (n - 1) % size + 1;
  }

  private static int year(Random random, int first, int last) {
    return first + random.nextInt(last - first + 1);
  }

  private static int pick(Random random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * Writes one table as numbered files ({@code PREFIX-001.csv}, ...), starting a new file before
   * one would pass the row or byte cap. Each file has the header row; UTF-8, LF line endings.
   */
  private static final class Roller implements AutoCloseable {
    private final Path dir;
    private final String prefix;
    private final CsvTable table;
    private final int maxRows;
    private final StringBuilder line = new StringBuilder();
    private final CSVPrinter printer;
    private final List<Path> files = new ArrayList<>();
    private Writer writer;
    private int rows;
    private long bytes;

    Roller(Path dir, String prefix, CsvTable table) throws IOException {
      this(dir, prefix, table, MAX_ROWS_PER_FILE);
    }

    Roller(Path dir, String prefix, CsvTable table, int maxRows) throws IOException {
      this.dir = dir;
      this.prefix = prefix;
      this.table = table;
      this.maxRows = Math.min(maxRows, MAX_ROWS_PER_FILE);
      this.printer = new CSVPrinter(line, CsvTable.format());
    }

    void row(List<String> cells) throws IOException {
      String text = format(cells);
      long size = text.getBytes(StandardCharsets.UTF_8).length;
      if (writer == null || rows >= maxRows || bytes + size > MAX_BYTES_PER_FILE) {
        open();
      }
      writer.write(text);
      rows++;
      bytes += size;
    }

    private String format(List<String> cells) throws IOException {
      line.setLength(0);
      printer.printRecord(cells);
      return line.toString();
    }

    private void open() throws IOException {
      close();
      Path file = dir.resolve(String.format(Locale.ROOT, "%s-%03d.csv", prefix, files.size() + 1));
      writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
      String header = format(table.columns());
      writer.write(header);
      bytes = header.getBytes(StandardCharsets.UTF_8).length;
      rows = 0;
      files.add(file);
    }

    List<Path> files() {
      return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
      if (writer != null) {
        writer.close();
        writer = null;
      }
    }
  }

  /** The command line; returns the exit status (0 written, 1 refused, 2 usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Integer scale = null;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println("Usage: SyntheticData --scale N --out DIR");
        out.println("Writes N times the seed's row counts of synthetic rows (years 1900-1989, ids"
            + " prefixed synthetic) as import-ready CSV files into DIR, which must be empty or missing.");
        return 0;
      }
      if (i + 1 >= args.length) {
        err.println("SyntheticData: " + arg + " needs a value (usage: --scale N --out DIR)");
        return 2;
      }
      String value = args[++i];
      switch (arg) {
        case "--scale" -> {
          try {
            scale = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            err.println("SyntheticData: --scale \"" + value + "\" is not a whole number");
            return 2;
          }
        }
        case "--out" -> dir = Path.of(value);
        default -> {
          err.println("SyntheticData: unknown option " + arg + " (usage: --scale N --out DIR)");
          return 2;
        }
      }
    }
    if (scale == null || dir == null) {
      err.println("SyntheticData: usage: --scale N --out DIR");
      return 2;
    }
    List<Path> files;
    try {
      files = write(scale, dir);
    } catch (IllegalArgumentException e) {
      err.println("SyntheticData: " + e.getMessage());
      return 1;
    }
    int[] counts = observationCounts(scale);
    out.printf(Locale.ROOT, "scale %d: %d languages, %d categories, %d units, %d places, %d sources,"
        + " %d indicators, %d observations, %d events, %d schedules in %d files%n",
        scale, LANGUAGES_PER_SCALE * scale, CATEGORIES_PER_SCALE * scale, UNITS_PER_SCALE * scale,
        REGIONS_PER_SCALE * scale, SOURCES_PER_SCALE * scale, counts.length,
        OBSERVATIONS_PER_SCALE * scale, EVENTS_PER_SCALE * scale, SCHEDULES_PER_SCALE * scale,
        files.size());
    out.printf(Locale.ROOT, "heaviest indicator: %s (%d observations)%n", heaviestIndicator(), counts[0]);
    files.forEach(f -> out.println(f));
    return 0;
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
