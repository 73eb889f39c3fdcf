package org.aimonitor.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Vocabulary;

/** Cell-by-cell validation of one row against the documented formats and vocabularies. */
final class Checks {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
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
    return errors;
  }

  private static String checkCell(CsvTable table, String column, String v) {
    return switch (table) {
      case SOURCES -> switch (column) {
        case "id" -> pattern(v, SLUG, "id", "lower-case letters, digits and hyphens");
        case "publisher", "title" -> required(v, column);
        case "url" -> pattern(v, URL, "url", "an http(s) address");
        case "published_on" -> v.isEmpty() ? null : parses(() -> PartialDate.parse(v));
        case "language" -> oneOf(v, "language", Vocabulary.LANGUAGES);
        case "reliability" -> oneOf(v, "reliability", Vocabulary.RELIABILITY);
        default -> null;
      };
      case INDICATORS -> switch (column) {
        case "code" -> pattern(v, CODE, "code", "lower-case letters, digits and underscores");
        case "category" -> oneOf(v, "category", Vocabulary.CATEGORIES);
        case "unit" -> oneOf(v, "unit", Vocabulary.UNITS);
        case "decimals" -> v.matches("[0-6]") ? null
            : "decimals \"" + v + "\" is not a whole number from 0 to 6";
        case "name_en", "name_zh", "unit_en", "unit_zh", "definition_en", "definition_zh" ->
            required(v, column);
        default -> null;
      };
      case OBSERVATIONS -> switch (column) {
        case "indicator" -> required(v, "indicator");
        case "region" -> oneOf(v, "region", Vocabulary.REGIONS);
        case "period" -> parses(() -> Period.parse(v));
        case "value" -> DECIMAL.matcher(v).matches() ? null
            : "value \"" + v + "\" is not a number (a plain decimal like 12.5)";
        case "qualifier" -> parses(() -> Qualifier.parse(v));
        case "source" -> required(v, "source");
        case "headline" -> v.equals("0") || v.equals("1") ? null
            : "headline \"" + v + "\" is not 0 or 1";
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
