package org.aimonitor.store;

import org.jdbi.v3.core.mapper.Nested;

/**
 * What is measured, in which unit, with names and definitions in English and Chinese, and how
 * values in its unit are written ({@code display}, the row of units.csv its {@code unit} names).
 */
public record Indicator(
    String code,
    String category,
    String nameEn,
    String nameZh,
    String unit,
    String unitEn,
    String unitZh,
    int decimals,
    String definitionEn,
    String definitionZh,
    String measure,
    @Nested("unit") Unit display) {

  /**
   * The columns of an indicator {@code i} joined with its unit {@code u} ({@link #FROM}), named
   * as the registered mapper reads them: the unit's as {@code unit_…}.
   */
  public static final String COLUMNS = "i.code, i.category, i.name_en, i.name_zh, i.unit, i.unit_en,"
      + " i.unit_zh, i.decimals, i.definition_en, i.definition_zh, i.measure, u.code AS unit_code,"
      + " u.name_en AS unit_name_en, u.name_zh AS unit_name_zh, u.format_en AS unit_format_en,"
      + " u.format_zh AS unit_format_zh, u.zh_exponent AS unit_zh_exponent,"
      + " u.zh_magnitudes AS unit_zh_magnitudes";

  /** {@code FROM} an indicator with its unit, aliased as {@link #COLUMNS} expects. */
  public static final String FROM = "indicator i JOIN unit u ON u.code = i.unit";

  /**
   * Stocks (counts, users, computing power, shares of those) are measured at the end of their
   * period; flows and rates over it. The indicator's {@code measure} column says which.
   */
  public boolean isStock() {
    return "stock".equals(measure);
  }

  /** Growth rates carry a sign ("+24 %"); levels and shares do not. */
  public boolean isGrowthRate() {
    return unitEn.contains("YoY");
  }
}
