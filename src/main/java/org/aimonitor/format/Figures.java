package org.aimonitor.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;

/**
 * Writes figures the way the product shows them everywhere: the qualifier's sign ("&gt; ", "≈ "),
 * the number at no more precision than published, the unit, and "(forecast)" or "(target)".
 */
public final class Figures {

  private Figures() {
  }

  /** The number alone: grouped, with at most the indicator's decimals and no invented zeros. */
  public static String number(BigDecimal value, int maxDecimals) {
    int scale = Math.max(0, Math.min(maxDecimals, value.stripTrailingZeros().scale()));
    NumberFormat nf = NumberFormat.getNumberInstance(Locale.ENGLISH);
    nf.setMinimumFractionDigits(scale);
    nf.setMaximumFractionDigits(scale);
    nf.setRoundingMode(RoundingMode.HALF_EVEN);
    return nf.format(value.setScale(scale, RoundingMode.HALF_EVEN));
  }

  /** The value with its unit, no qualifier: "¥900 bn", "5,300 enterprises", "+24 %". */
  public static String amount(Indicator indicator, BigDecimal value) {
    String n = number(value, indicator.decimals());
    return switch (indicator.unit()) {
      case "CNY_bn" -> "¥" + n + " bn";
      case "USD_bn" -> "US$" + n + " bn";
      case "pct" -> (indicator.isGrowthRate() && value.signum() > 0 ? "+" : "") + n + " %";
      case "EFLOPS" -> n + " EFLOPS";
      default -> n + " " + indicator.unitEn();
    };
  }

  /** The value as a figure: "&gt; ¥900 bn", "≈ 15 %", "¥1,729.5 bn (forecast)". */
  public static String figure(Indicator indicator, BigDecimal value, Qualifier qualifier) {
    String text = qualifier.prefix() + amount(indicator, value);
    return switch (qualifier) {
      case FORECAST, TARGET, DERIVED -> text + " (" + qualifier.label() + ")";
      default -> text;
    };
  }

  public static String figure(Indicator indicator, Observation o) {
    return figure(indicator, o.value(), o.qualifier());
  }

  /** The figure with its qualifier always named: "&gt; ¥900 bn (lower bound)", "¥726 bn (derived)". */
  public static String labelled(Indicator indicator, BigDecimal value, Qualifier qualifier) {
    String text = figure(indicator, value, qualifier);
    return text.endsWith(")") ? text : text + " (" + qualifier.label() + ")";
  }

  /**
   * The history of a figure in one line, newest first: "&gt; ¥950 bn (lower bound), recorded
   * 2026-11-29 (import 3); previously &gt; ¥900 bn (lower bound), recorded 2026-11-28 (import 1)".
   * Null when the figure has never been revised.
   */
  public static String history(Indicator indicator, Observation o, History history) {
    if (history.previous().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(labelled(indicator, o.value(), o.qualifier()))
        .append(recorded(history.recordedOn(), history.importId()));
    for (History.Revision r : history.previous()) {
      text.append("; previously ")
          .append(labelled(indicator, new BigDecimal(r.value()), r.qualifierValue()))
          .append(r.headline() ? ", headline" : "")
          .append(recorded(r.recordedAt() == null ? null : r.recordedAt().substring(0, 10), r.importId()));
    }
    return text.toString();
  }

  private static String recorded(String day, Long importId) {
    if (day == null) {
      return "";
    }
    return ", recorded " + day + (importId == null ? "" : " (import " + importId + ")");
  }
}
