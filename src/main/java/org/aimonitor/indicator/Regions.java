package org.aimonitor.indicator;

import java.util.List;
import java.util.stream.Collectors;
import org.aimonitor.i18n.Text;

/**
 * The region vocabulary of the dataset (data/README.md), in the order pages list regions. The
 * regions' names are interface text: {@link Text#region(String)} ({@code region.*} in the bundles).
 */
public final class Regions {

  private static final List<String> CODES = List.of("CN", "CN-GC", "WORLD", "US");

  private Regions() {
  }

  public static List<String> codes() {
    return CODES;
  }

  public static boolean isKnown(String code) {
    return CODES.contains(code);
  }

  /** Position in the vocabulary, for sorting regions the same way on every page. */
  public static int order(String code) {
    int i = CODES.indexOf(code);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** {@link #order} in SQL, for ORDER BY over {@code column}: a CASE over the vocabulary's codes. */
  public static String orderSql(String column) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < CODES.size(); i++) {
      sql.append(" WHEN '").append(CODES.get(i)).append("' THEN ").append(i);
    }
    return sql.append(" ELSE ").append(CODES.size()).append(" END").toString();
  }

  /**
   * "CN (China (mainland)), CN-GC (Greater China), …", "CN（中国（大陆））、CN-GC（大中华区）、…"
   * for error messages.
   */
  public static String describe(Text t) {
    return CODES.stream()
        .map(code -> t.t("filter.region-item", code, t.region(code)))
        .collect(Collectors.joining(t.t("filter.region-separator")));
  }
}
