package org.aimonitor.store;

import java.util.regex.Pattern;

/**
 * What a spreadsheet would run as a formula, and how exports keep it from running (OWASP's
 * CSV-injection guidance): {@link #neutralise} puts a {@code '} before each field start that would
 * run, and {@link #restore} takes exactly those apostrophes out again, so a file that was exported,
 * edited and imported again changes only what was edited.
 */
public final class SpreadsheetCells {

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  /** What starts a formula: OWASP's {@code = + - @} and their full-width forms. */
  private static final String TRIGGERS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

  private SpreadsheetCells() {
  }

  /**
   * A cell safe to open in a spreadsheet, in any locale, as OWASP's CSV-injection guidance asks.
   * A spreadsheet starts a field at the cell's start, and, when it splits on {@code ;} or tab
   * (German and French Excel, LibreOffice's guess) or ignores quotes, after every {@code ;}, tab
   * or line break inside it too; it skips leading spaces and line feeds and runs a field that
   * then starts with {@code = + - @} or their full-width forms {@code ＝ ＋ － ＠}. Each such
   * field start gets a {@code '} (at the cell's start also one beginning with a tab or carriage
   * return, OWASP's other triggers). Quoting a cell that holds {@code ;} would not be enough: a
   * {@code ;}-splitting reader honours a quote only where it opens a field, so in any column but
   * the first the text after the {@code ;} starts a field of its own.
   *
   * <p>A plain number ("-3.5", "+24") is data, not a formula, and stays; so does everything
   * else, so clean data (the whole seed dataset) exports byte for byte as stored.
   */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    if (NUMBER.matcher(cell).matches()) {
      return cell;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int start = 0; start <= cell.length(); start = nextFieldStart(cell, start)) {
      if (start < cell.length() && runsAsFormula(cell, start)) {
        if (out == null) {
          out = new StringBuilder(cell.length() + 4);
        }
        out.append(cell, copied, start).append('\'');
        copied = start;
      }
      if (start == cell.length()) {
        break;
      }
    }
    return out == null ? cell : out.append(cell, copied, cell.length()).toString();
  }

  /** Where a spreadsheet may start the next field after the one starting at {@code from}. */
  private static int nextFieldStart(String cell, int from) {
    for (int i = from; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ';' || c == '\t' || c == '\n' || c == '\r') {
        return i + 1;
      }
    }
    return cell.length();
  }

  /** Whether the field starting at {@code start} is one a spreadsheet would run. */
  private static boolean runsAsFormula(String cell, int start) {
    char first = cell.charAt(start);
    if (start == 0 && (first == '\t' || first == '\r')) {
      return true;
    }
    int i = start;
    while (i < cell.length() && isLeadingSpace(cell.charAt(i))) {
      i++;
    }
    return i < cell.length() && TRIGGERS.indexOf(cell.charAt(i)) >= 0;
  }

  /** Spaces and line breaks a spreadsheet skips before a formula (also no-break and ideographic ones). */
  private static boolean isLeadingSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u3000';
  }

  /**
   * The cell as stored before {@link #neutralise}: an apostrophe at a field start (the cell's
   * start, or after {@code ;}, tab or a line break) is dropped when what follows it would run as
   * a formula (or, at the cell's start, is a tab or carriage return) — the one place neutralising
   * puts one. Every other apostrophe stays.
   */
  public static String restore(String cell) {
    if (cell == null || cell.indexOf('\'') < 0) {
      return cell;
    }
    // Right to left, so each field is judged as it was before an apostrophe went in before it.
    StringBuilder out = new StringBuilder(cell);
    for (int i = out.length() - 2; i >= 0; i--) {
      boolean fieldStart = i == 0 || ";\t\n\r".indexOf(out.charAt(i - 1)) >= 0;
      if (out.charAt(i) == '\'' && fieldStart) {
        String text = out.toString();
        if (i == 0 ? runsAsFormula(text.substring(1), 0) : runsAsFormula(text, i + 1)) {
          out.deleteCharAt(i);
        }
      }
    }
    return out.toString();
  }
}
