package org.aimonitor.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as written in the dataset ({@code YYYY}, {@code YYYY-Hn}, {@code YYYY-Qn},
 * {@code YYYY-MM} or the inclusive range {@code YYYY-MM/YYYY-MM}), with its first and last month.
 */
public record Period(String code, Granularity granularity, YearMonth first, YearMonth last)
    implements Comparable<Period> {

  /** How long a period is; a range is a year-to-date style span of whole months. */
  public enum Granularity { YEAR, HALF, QUARTER, MONTH, RANGE }

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d)");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern RANGE = Pattern.compile("(\\d{4})-(\\d{2})/(\\d{4})-(\\d{2})");

  /** Parses a period code; the message of the exception says what is wrong with it. */
  public static Period parse(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("period is empty");
    }
    Matcher m;
    if ((m = YEAR.matcher(code)).matches()) {
      int y = year(m.group(1));
      return new Period(code, Granularity.YEAR, YearMonth.of(y, 1), YearMonth.of(y, 12));
    }
    if ((m = HALF.matcher(code)).matches()) {
      int y = year(m.group(1));
      int h = bounded(m.group(2), 1, 2, "half");
      return new Period(code, Granularity.HALF, YearMonth.of(y, h * 6 - 5), YearMonth.of(y, h * 6));
    }
    if ((m = QUARTER.matcher(code)).matches()) {
      int y = year(m.group(1));
      int q = bounded(m.group(2), 1, 4, "quarter");
      return new Period(code, Granularity.QUARTER, YearMonth.of(y, q * 3 - 2), YearMonth.of(y, q * 3));
    }
    if ((m = MONTH.matcher(code)).matches()) {
      YearMonth ym = YearMonth.of(year(m.group(1)), bounded(m.group(2), 1, 12, "month"));
      return new Period(code, Granularity.MONTH, ym, ym);
    }
    if ((m = RANGE.matcher(code)).matches()) {
      YearMonth from = YearMonth.of(year(m.group(1)), bounded(m.group(2), 1, 12, "month"));
      YearMonth to = YearMonth.of(year(m.group(3)), bounded(m.group(4), 1, 12, "month"));
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException(
            "period \"" + code + "\" must start before it ends");
      }
      return new Period(code, Granularity.RANGE, from, to);
    }
    throw new IllegalArgumentException("period \"" + code
        + "\" is not YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM/YYYY-MM");
  }

  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (y < 1900 || y > 2100) {
      throw new IllegalArgumentException("year " + digits + " is outside 1900-2100");
    }
    return y;
  }

  private static int bounded(String digits, int min, int max, String what) {
    int v = Integer.parseInt(digits);
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " " + digits + " is not between " + min + " and " + max);
    }
    return v;
  }

  public LocalDate start() {
    return first.atDay(1);
  }

  public LocalDate end() {
    return last.atEndOfMonth();
  }

  /** The first month as the observation table's {@code period_start} numbers it (year * 12 + month - 1). */
  public int startMonth() {
    return first.getYear() * 12 + first.getMonthValue() - 1;
  }

  /** The last month as the observation table's {@code period_end} numbers it. */
  public int endMonth() {
    return last.getYear() * 12 + last.getMonthValue() - 1;
  }

  public boolean isYear() {
    return granularity == Granularity.YEAR;
  }

  public int startYear() {
    return first.getYear();
  }

  /** Months covered, inclusive of both ends. */
  public int months() {
    return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1;
  }

  /** Position on a year axis: the middle of the period (for flows measured over it). */
  public double midpoint() {
    return first.getYear() + (first.getMonthValue() - 1 + months() / 2.0) / 12.0;
  }

  /** Position on a year axis: the end of the period (for stocks measured at its close). */
  public double endpoint() {
    return first.getYear() + (first.getMonthValue() - 1 + months()) / 12.0;
  }

  /** The period in words: "2024", "H1 2024", "Q3 2023", "Jun 2023", "Jan–Jul 2025". */
  public String label() {
    return switch (granularity) {
      case YEAR -> Integer.toString(first.getYear());
      case HALF -> "H" + (first.getMonthValue() <= 6 ? 1 : 2) + " " + first.getYear();
      case QUARTER -> "Q" + ((first.getMonthValue() + 2) / 3) + " " + first.getYear();
      case MONTH -> month(first) + " " + first.getYear();
      case RANGE -> first.getYear() == last.getYear()
          ? month(first) + "–" + month(last) + " " + first.getYear()
          : month(first) + " " + first.getYear() + "–" + month(last) + " " + last.getYear();
    };
  }

  /** The label of a stock measured at the close of the period: "end of 2025", "end of Q3 2023". */
  public String endLabel() {
    return switch (granularity) {
      case MONTH -> label();
      case RANGE -> month(last) + " " + last.getYear();
      default -> "end of " + label();
    };
  }

  private static String month(YearMonth ym) {
    return ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  @Override
  public int compareTo(Period o) {
    int c = end().compareTo(o.end());
    return c != 0 ? c : start().compareTo(o.start());
  }

  @Override
  public String toString() {
    return code;
  }
}
