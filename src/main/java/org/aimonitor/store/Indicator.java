package org.aimonitor.store;

/** What is measured, in which unit, with names and definitions in English and Chinese. */
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
    String definitionZh) {

  /** Growth rates carry a sign ("+24 %"); levels and shares do not. */
  public boolean isGrowthRate() {
    return unitEn.contains("YoY");
  }
}
