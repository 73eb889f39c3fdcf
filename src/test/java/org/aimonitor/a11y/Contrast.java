package org.aimonitor.a11y;

import java.util.Locale;

/**
 * WCAG 2.x relative luminance and contrast ratio of sRGB colours written as {@code #rgb} or
 * {@code #rrggbb} (the forms site.css, Palette and a canvas context's fillStyle use).
 */
public final class Contrast {

  private Contrast() {
  }

  /** Relative luminance, 0 for black to 1 for white (WCAG 2.x definition). */
  public static double luminance(String hex) {
    int[] rgb = rgb(hex);
    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
  }

  /** Contrast ratio of two colours, from 1 (same) to 21 (black on white). */
  public static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  static int[] rgb(String hex) {
    String h = hex.trim().toLowerCase(Locale.ROOT);
    if (!h.matches("#([0-9a-f]{3}|[0-9a-f]{6})")) {
      throw new IllegalArgumentException("not a #rgb or #rrggbb colour: " + hex);
    }
    if (h.length() == 4) {
      h = "#" + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2) + h.charAt(3) + h.charAt(3);
    }
    int n = Integer.parseInt(h.substring(1), 16);
    return new int[] {n >> 16 & 255, n >> 8 & 255, n & 255};
  }
}
