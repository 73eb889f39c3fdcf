package org.aimonitor.store;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one cell of a column must be, on its own: null when the cell is fine, else what is wrong,
 * in words a person fixing the file understands. Rules that look at several cells of a row, or at
 * other rows, are the importer's.
 */
@FunctionalInterface
public interface CellRule {

  /** The problem with {@code value} in column {@code column}, or null. */
  String test(String column, String value);

  /** Anything, empty included. */
  static CellRule any() {
    return (column, v) -> null;
  }

  /** Not empty nor only spaces. */
  static CellRule notBlank() {
    return (column, v) -> v.isBlank() ? column + " is empty" : null;
  }

  /** Empty, or meeting {@code rule}. */
  static CellRule emptyOr(CellRule rule) {
    return (column, v) -> v.isEmpty() ? null : rule.test(column, v);
  }

  /** Not empty, and wholly matching {@code p} ({@code expected} says what that is). */
  static CellRule pattern(Pattern p, String expected) {
    return (column, v) -> {
      if (v.isEmpty()) {
        return column + " is empty";
      }
      return p.matcher(v).matches() ? null : column + " \"" + v + "\" is not " + expected;
    };
  }

  /** One of {@code allowed}. */
  static CellRule oneOf(List<String> allowed) {
    return (column, v) -> allowed.contains(v) ? null
        : column + " \"" + v + "\" is not one of " + String.join(", ", allowed);
  }

  /** {@code 0} or {@code 1}. */
  static CellRule flag() {
    return (column, v) -> v.equals("0") || v.equals("1") ? null : column + " \"" + v + "\" is not 0 or 1";
  }

  /** Matching {@code p}, else {@code column "value" <problem>}. */
  static CellRule matches(String regex, String problem) {
    Pattern p = Pattern.compile(regex);
    return (column, v) -> p.matcher(v).matches() ? null : column + " \"" + v + "\" " + problem;
  }

  /** Space-separated values each matching {@code p}, none twice. */
  static CellRule list(Pattern p, String expected) {
    return (column, v) -> {
      String[] items = v.split(" ", -1);
      for (String item : items) {
        if (!p.matcher(item).matches()) {
          return column + " \"" + v + "\" is not " + expected + " (\"" + item + "\" is not one)";
        }
      }
      return Arrays.stream(items).distinct().count() == items.length ? null
          : column + " \"" + v + "\" names one of them twice";
    };
  }

  /** Accepted by {@code parse}, which says what is wrong by throwing. */
  static CellRule parses(java.util.function.Consumer<String> parse) {
    return (column, v) -> {
      try {
        parse.accept(v);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    };
  }

  /** Space-separated, none twice, each matching {@code item}. */
  static boolean distinctItems(String v) {
    String[] items = v.split(" ");
    return Arrays.stream(items).distinct().count() == items.length;
  }
}
