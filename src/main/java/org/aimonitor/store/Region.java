package org.aimonitor.store;

/**
 * A place figures are given for: the world, a country (or Greater China), a province or
 * municipality, or a city. {@code parent} is {@code null} for the world only.
 */
public record Region(String code, String nameEn, String nameZh, String parent, String level) {

  /** The levels from the top, in the order pages group places by. */
  public static final java.util.List<String> LEVELS = java.util.List.of("world", "country", "province", "city");

  /** A province or a city: a part of a country, whose figures are never a national figure. */
  public boolean isSubnational() {
    return level.equals("province") || level.equals("city");
  }
}
