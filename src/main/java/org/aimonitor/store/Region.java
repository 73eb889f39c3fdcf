package org.aimonitor.store;

/**
 * A place figures are given for: the world, a country (or Greater China), a province or
 * municipality, or a city. {@code parent} is {@code null} for the world only.
 */
public record Region(String code, String nameEn, String nameZh, String parent, String level) {

  /** The levels from the top, in the order pages group places by. */
  public static final java.util.List<String> LEVELS = java.util.List.of("world", "country", "province", "city");

  /**
   * The jdbi attribute ({@code <levelRank>} in a query) that ranks a region aliased {@code r} by
   * its level, 0 for the world: {@link Database} defines it from {@link #LEVELS}.
   */
  public static final String LEVEL_RANK = "levelRank";

  /** SQL ranking the level in {@code expression} by {@link #LEVELS}: 0 for the world. */
  public static String levelRank(String expression) {
    StringBuilder sql = new StringBuilder("CASE ").append(expression);
    for (int i = 0; i < LEVELS.size() - 1; i++) {
      sql.append(" WHEN '").append(LEVELS.get(i)).append("' THEN ").append(i);
    }
    return sql.append(" ELSE ").append(LEVELS.size() - 1).append(" END").toString();
  }

  /** A province or a city: a part of a country, whose figures are never a national figure. */
  public boolean isSubnational() {
    return level.equals("province") || level.equals("city");
  }
}
