package org.aimonitor.chart;

/**
 * Series colours: from the Okabe–Ito and Tol colour-blind-safe sets, each at least 3:1 against
 * white. Series are also told apart by line dash and marker shape, never by colour alone.
 */
public final class Palette {
  public static final String BLUE = "#0072B2";
  public static final String VERMILLION = "#C0450A";
  public static final String GREEN = "#117733";
  public static final String PURPLE = "#882E72";
  public static final String GREY = "#4D4D4D";

  private Palette() {
  }
}
