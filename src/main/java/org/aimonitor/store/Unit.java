package org.aimonitor.store;

import java.util.Arrays;
import java.util.List;

/**
 * How values in a unit are written (units.csv): {@code formatEn} and {@code formatZh} put the
 * number where {@code {0}} is and the indicator's own unit words where {@code {unit}} is.
 * Chinese writes a value as {@code zhExponent} powers of ten of its base unit (yuan, units,
 * people…) with the largest of the magnitudes 万 (10^4), 亿 (10^8) and 万亿 (10^12) in
 * {@code zhMagnitudes} that it reaches (0 is no magnitude word), else the smallest listed.
 */
public record Unit(String code, String nameEn, String nameZh, String formatEn, String formatZh,
    int zhExponent, String zhMagnitudes) {

  /** The magnitudes as numbers, smallest first. */
  public List<Integer> magnitudes() {
    return Arrays.stream(zhMagnitudes.trim().split("\\s+")).filter(s -> !s.isEmpty())
        .map(Integer::valueOf).sorted().toList();
  }
}
