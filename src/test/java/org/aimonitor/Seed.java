package org.aimonitor;

/**
 * How many rows each file of the shipped seed ({@code data/}) holds, in one place: tests that
 * count what a seeded database shows read these, and {@code SeedDataTest} checks them against the
 * files, so a data release changes them here only.
 */
public final class Seed {

  private Seed() {
  }

  public static final int LANGUAGES = 3;
  public static final int CATEGORIES = 7;
  public static final int UNITS = 7;
  public static final int REGIONS = 26;
  /** 149 in the first seed, 24 more in the December 2026 release. */
  public static final int SOURCES = 173;
  /** 35 in the first seed, 2 more in the December 2026 release. */
  public static final int INDICATORS = 37;
  /** {@link #FIRST_OBSERVATIONS} in the first seed, 33 more in the December 2026 release. */
  public static final int OBSERVATIONS = 302;
  /** The observations of the first seed (data as of March 2026), before the December release. */
  public static final int FIRST_OBSERVATIONS = 269;
  /** 28 in the first seed, 7 more in the December 2026 release. */
  public static final int EVENTS = 35;
  public static final int SCHEDULES = 12;
  /** data/aliases.csv: the short forms of places readers type in a search. */
  public static final int ALIASES = 45;
}
