package org.aimonitor.chart;

import java.util.Map;

/**
 * Series colours: from the Okabe–Ito and Tol colour-blind-safe sets, each at least 3:1 against
 * the chart background, white on light pages; on dark pages each is drawn in its lighter
 * Okabe–Ito counterpart ({@link #onDark}), at least 3:1 against the dark card. Series are also
 * told apart by line dash, fill and marker shape, never by colour alone (see {@link ChartSpec.Series}).
 */
public final class Palette {
  public static final String BLUE = "#0072B2";
  public static final String VERMILLION = "#C0450A";
  public static final String GREEN = "#117733";
  public static final String PURPLE = "#882E72";
  public static final String GREY = "#4D4D4D";

  /** Each colour's counterpart on the dark theme: same hue family, light enough for a dark card. */
  private static final Map<String, String> ON_DARK = Map.of(
      BLUE, "#56B4E9",
      VERMILLION, "#E69F00",
      GREEN, "#009E73",
      PURPLE, "#CC79A7",
      GREY, "#BBBBBB");

  private Palette() {
  }

  /** All series colours of the light theme. */
  public static java.util.List<String> all() {
    return java.util.List.of(BLUE, VERMILLION, GREEN, PURPLE, GREY);
  }

  /** The colour that stands for {@code color} on the dark theme. */
  public static String onDark(String color) {
    String dark = ON_DARK.get(color);
    if (dark == null) {
      throw new IllegalArgumentException(color + " is not a palette colour");
    }
    return dark;
  }
}
