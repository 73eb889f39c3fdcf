package org.aimonitor.store;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the day, the month or only the year ({@code YYYY-MM-DD}, {@code YYYY-MM},
 * {@code YYYY}), as sources and events give them.
 */
public record PartialDate(String code, int year, int month, int day) implements Comparable<PartialDate> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public static PartialDate parse(String code) {
    Matcher m = FORMAT.matcher(code == null ? "" : code);
    if (!m.matches()) {
      throw new IllegalArgumentException("date \"" + code + "\" is not YYYY-MM-DD, YYYY-MM or YYYY");
    }
    int y = Integer.parseInt(m.group(1));
    int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    try {
      LocalDate.of(y, mo == 0 ? 1 : mo, d == 0 ? 1 : d);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("date \"" + code + "\" does not exist");
    }
    return new PartialDate(code, y, mo, d);
  }

  /** Parses a date that may be unknown: empty text gives {@code null}. */
  public static PartialDate parseOptional(String code) {
    return code == null || code.isBlank() ? null : parse(code);
  }

  /** The first day the date can mean, used for sorting ("2025" sorts as 1 Jan 2025). */
  public LocalDate earliest() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** "1 Oct 2025", "Jul 2025" or "2025". */
  public String label() {
    if (month == 0) {
      return Integer.toString(year);
    }
    String mon = java.time.Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return day == 0 ? mon + " " + year : day + " " + mon + " " + year;
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = earliest().compareTo(o.earliest());
    // A date known more precisely sorts after the vaguer one that starts on the same day.
    return c != 0 ? c : Integer.compare(code.length(), o.code.length());
  }

  @Override
  public String toString() {
    return code;
  }
}
