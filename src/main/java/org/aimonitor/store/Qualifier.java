package org.aimonitor.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a figure was stated by its source; drives the "&gt;", "≈" and forecast/target labels. */
public enum Qualifier {
  REPORTED("reported", "reported", ""),
  APPROX("approx", "approximate", "≈ "),
  LOWER_BOUND("lower_bound", "lower bound", "> "),
  DERIVED("derived", "derived", ""),
  FORECAST("forecast", "forecast", ""),
  TARGET("target", "target", "");

  private final String code;
  private final String label;
  private final String prefix;

  Qualifier(String code, String label, String prefix) {
    this.code = code;
    this.label = label;
    this.prefix = prefix;
  }

  public static Qualifier parse(String code) {
    for (Qualifier q : values()) {
      if (q.code.equals(code)) {
        return q;
      }
    }
    throw new IllegalArgumentException("qualifier \"" + code + "\" is not one of "
        + Arrays.stream(values()).map(Qualifier::code).collect(Collectors.joining(", ")));
  }

  public String code() {
    return code;
  }

  /** Words for tables and tooltips: "lower bound", "forecast". */
  public String label() {
    return label;
  }

  /** Sign written before the number: "&gt; " for lower bounds, "≈ " for approximations. */
  public String prefix() {
    return prefix;
  }

  /** A measured figure, as opposed to a projection (forecast or target). */
  public boolean isActual() {
    return this != FORECAST && this != TARGET;
  }

  /** Forecasts and targets are named wherever the value is shown, not only in the table. */
  public boolean isProjection() {
    return !isActual();
  }
}
