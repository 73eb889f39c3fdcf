package org.aimonitor.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
import org.aimonitor.store.Vocabulary;

/** Cell-by-cell validation of one row against the documented formats and vocabularies. */
final class Checks {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
  private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,3}");
  private static final Pattern EVENT_DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

  private Checks() {
  }

  /** A check of one cell: null when fine, else what is wrong. */
  private interface Check {
    String test(String value);
  }

  /**
   * The errors of one row's cells, each on its own. Whether a referenced source or indicator
   * exists is checked later, against the database and the whole import at once.
   */
  static List<DataError> check(CsvTable table, CsvTable.Row row) {
    List<DataError> errors = new ArrayList<>();
    for (String column : table.columns()) {
      String message = checkCell(table, column, row.get(column));
      if (message != null) {
        errors.add(row.error(column, message));
      }
    }
    // chinese: a Chinese text translates the English one beside it.
    if (table == CsvTable.OBSERVATIONS) {
      chinese(row, "note", "note_zh", errors);
    } else if (table == CsvTable.EVENTS) {
      chinese(row, "description_en", "description_zh", errors);
    }
    if (table == CsvTable.SCHEDULES && errors.isEmpty()) {
      // A schedule says where it comes from: the page that states it, or the past releases.
      boolean cited = row.get("basis").equals("cited");
      if (cited && row.get("basis_url").isEmpty()) {
        errors.add(row.error("basis_url", "basis_url is empty: a cited schedule links the page that states it"));
      } else if (!cited && row.get("evidence").isEmpty()) {
        errors.add(row.error("evidence", "evidence is empty: an inferred schedule names the sources"
            + " whose publication dates show its past releases"));
      }
      if (row.get("cadence").equals("irregular") && !(row.get("release_months").isEmpty()
          && row.get("lag_months").isEmpty())) {
        errors.add(row.error("cadence", "an irregular series has no release months or lag"));
      }
    }
    if (table == CsvTable.REGIONS && errors.isEmpty()) {
      // The world is the root of the places; every other place names the place it is part of.
      boolean world = row.get("level").equals("world");
      if (world && !row.get("parent").isEmpty()) {
        errors.add(row.error("parent", "a world region has no parent (\"" + row.get("parent") + "\" given)"));
      } else if (!world && row.get("parent").isEmpty()) {
        errors.add(row.error("parent", "parent is empty: a " + row.get("level")
            + " names the region it is part of"));
      }
    }
    return errors;
  }

  /** Any Han character: a Chinese text has at least one. */
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /**
   * A Chinese text ({@code zh}) is empty or translates the English text ({@code en}) of the same
   * row: it needs one, is written in Chinese, and has no space at either end.
   */
  private static void chinese(CsvTable.Row row, String en, String zh, List<DataError> errors) {
    String v = row.get(zh);
    if (v.isEmpty()) {
      return;
    }
    if (row.get(en).isEmpty()) {
      errors.add(row.error(zh, zh + " is set but " + en + " is empty: the Chinese text translates"
          + " the English one"));
    } else if (!HAN.matcher(v).find()) {
      errors.add(row.error(zh, zh + " \"" + abbreviate(v) + "\" has no Chinese character"));
    } else if (!v.strip().equals(v)) {
      errors.add(row.error(zh, zh + " begins or ends with a space"));
    }
  }

  private static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }

  private static String checkCell(CsvTable table, String column, String v) {
    return switch (table) {
      case LANGUAGES -> switch (column) {
        case "language" -> pattern(v, LANGUAGE, "language", "a language code such as en, zh or fr");
        default -> required(v, column);
      };
      case CATEGORIES -> switch (column) {
        case "category" -> pattern(v, CODE, "category", "lower-case letters, digits and underscores");
        default -> required(v, column);
      };
      case UNITS -> switch (column) {
        case "unit" -> pattern(v, UNIT, "unit", "letters, digits and underscores");
        case "format_en", "format_zh" -> v.contains("{0}") ? null
            : column + " \"" + v + "\" has no {0} where the number goes";
        case "zh_exponent" -> v.matches("-?\\d{1,2}") && Integer.parseInt(v) >= -12 && Integer.parseInt(v) <= 18
            ? null : "zh_exponent \"" + v + "\" is not a whole number from -12 to 18";
        case "zh_magnitudes" -> v.matches("(0|4|8|12)( (0|4|8|12))*")
            && java.util.Arrays.stream(v.split(" ")).distinct().count() == v.split(" ").length ? null
            : "zh_magnitudes \"" + v + "\" is not one or more of 0, 4, 8 and 12, separated by spaces";
        default -> required(v, column);
      };
      case REGIONS -> switch (column) {
        case "code" -> pattern(v, REGION, "code", "upper-case letters and digits in parts joined by"
            + " hyphens, such as CN, CN-GD or CN-GD-SZ");
        case "parent" -> v.isEmpty() ? null : pattern(v, REGION, "parent", "a region code");
        case "level" -> oneOf(v, "level", Region.LEVELS);
        default -> required(v, column);
      };
      case ALIASES -> switch (column) {
        case "alias", "region" -> required(v, column);
        default -> null;
      };
      case SOURCES -> switch (column) {
        case "id" -> pattern(v, SLUG, "id", "lower-case letters, digits and hyphens");
        case "publisher", "title" -> required(v, column);
        case "url" -> pattern(v, URL, "url", "an http(s) address");
        case "published_on" -> v.isEmpty() ? null : parses(() -> PartialDate.parse(v));
        case "language" -> required(v, "language");
        case "reliability" -> oneOf(v, "reliability", Vocabulary.RELIABILITY);
        default -> null;
      };
      case INDICATORS -> switch (column) {
        case "code" -> pattern(v, CODE, "code", "lower-case letters, digits and underscores");
        case "category" -> required(v, "category");
        case "unit" -> required(v, "unit");
        case "decimals" -> v.matches("[0-6]") ? null
            : "decimals \"" + v + "\" is not a whole number from 0 to 6";
        case "name_en", "name_zh", "unit_en", "unit_zh", "definition_en", "definition_zh" ->
            required(v, column);
        case "measure" -> oneOf(v, "measure", Vocabulary.MEASURES);
        default -> null;
      };
      case OBSERVATIONS -> switch (column) {
        case "indicator" -> required(v, "indicator");
        case "region" -> required(v, "region");
        case "period" -> parses(() -> Period.parse(v));
        case "value" -> DECIMAL.matcher(v).matches() ? null
            : "value \"" + v + "\" is not a number (a plain decimal like 12.5)";
        case "qualifier" -> parses(() -> Qualifier.parse(v));
        case "source" -> required(v, "source");
        case "headline", "break_before", "doubtful" -> v.equals("0") || v.equals("1") ? null
            : column + " \"" + v + "\" is not 0 or 1";
        default -> null;
      };
      case SCHEDULES -> switch (column) {
        case "series" -> pattern(v, SLUG, "series", "lower-case letters, digits and hyphens");
        case "indicators" -> v.isBlank() ? "indicators is empty: name the indicators the series feeds"
            : list(v, CODE, "indicators", "indicator codes separated by spaces");
        case "cadence" -> oneOf(v, "cadence", List.of("annual", "semi-annual", "quarterly", "monthly", "irregular"));
        case "release_months" -> v.isEmpty() || v.matches("(1[0-2]|[1-9])( (1[0-2]|[1-9]))*")
            && java.util.Arrays.stream(v.split(" ")).distinct().count() == v.split(" ").length ? null
            : "release_months \"" + v + "\" is not months 1 to 12 separated by spaces";
        case "lag_months", "grace_months" -> v.isEmpty() || v.matches("\\d{1,2}") && Integer.parseInt(v) <= 24
            ? null : column + " \"" + v + "\" is not a number of months from 0 to 24";
        case "basis" -> oneOf(v, "basis", List.of("cited", "inferred"));
        case "basis_url" -> v.isEmpty() ? null : pattern(v, URL, "basis_url", "an http(s) address");
        case "evidence" -> v.isEmpty() ? null : list(v, SLUG, "evidence", "source ids separated by spaces");
        case "publisher", "name_en", "name_zh" -> required(v, column);
        default -> null;
      };
      case EVENTS -> switch (column) {
        case "date" -> !EVENT_DATE.matcher(v).matches()
            ? "date \"" + v + "\" is not YYYY-MM-DD or YYYY-MM" : parses(() -> PartialDate.parse(v));
        case "category" -> oneOf(v, "category", Vocabulary.EVENT_CATEGORIES);
        case "title_en", "title_zh" -> required(v, column);
        case "source" -> required(v, "source");
        default -> null;
      };
    };
  }

  /** A list of space-separated values each matching {@code p}, none twice. */
  private static String list(String v, Pattern p, String column, String expected) {
    String[] items = v.split(" ", -1);
    for (String item : items) {
      if (!p.matcher(item).matches()) {
        return column + " \"" + v + "\" is not " + expected + " (\"" + item + "\" is not one)";
      }
    }
    return java.util.Arrays.stream(items).distinct().count() == items.length ? null
        : column + " \"" + v + "\" names one of them twice";
  }

  private static String required(String v, String column) {
    return v.isBlank() ? column + " is empty" : null;
  }

  private static String pattern(String v, Pattern p, String column, String expected) {
    if (v.isEmpty()) {
      return column + " is empty";
    }
    return p.matcher(v).matches() ? null : column + " \"" + v + "\" is not " + expected;
  }

  private static String oneOf(String v, String column, List<String> allowed) {
    return allowed.contains(v) ? null
        : column + " \"" + v + "\" is not one of " + String.join(", ", allowed);
  }

  private static String parses(Runnable parse) {
    try {
      parse.run();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
