package org.aimonitor.store;

import java.util.List;

/** The closed lists of the dataset (data/README.md); the schema's CHECK constraints repeat them. */
public final class Vocabulary {

  public static final List<String> CATEGORIES =
      List.of("scale", "enterprises", "segments", "hardware", "adoption", "compute", "global");
  public static final List<String> UNITS =
      List.of("CNY_bn", "USD_bn", "million_units", "million_users", "pct", "count", "EFLOPS");
  public static final List<String> REGIONS = List.of("CN", "CN-GC", "WORLD", "US");
  public static final List<String> RELIABILITY = List.of("official", "news", "secondary", "low");
  /** English and Chinese, plus French for the one source the research kept (ripaa-2025). */
  public static final List<String> LANGUAGES = List.of("en", "zh", "fr");
  public static final List<String> EVENT_CATEGORIES =
      List.of("policy", "regulation", "data_release", "industry");

  private Vocabulary() {
  }
}
