package org.aimonitor.store;

import java.util.List;

/**
 * The closed lists of the dataset (data/README.md) that are part of its meaning, not data: the
 * reliability levels (a low one is never a headline) and the kinds of events. The schema's CHECK
 * constraints repeat them. Regions, units, indicator categories and source languages are data:
 * tables that imports extend (regions.csv, units.csv, categories.csv, languages.csv).
 */
public final class Vocabulary {

  public static final List<String> RELIABILITY = List.of("official", "news", "secondary", "low");
  public static final List<String> EVENT_CATEGORIES =
      List.of("policy", "regulation", "data_release", "industry");
  /**
   * How an indicator's figures relate to their period: a flow is over it (a year's revenue, a
   * growth rate), a stock at its end (a count, users, installed computing power, a share of those).
   */
  public static final List<String> MEASURES = List.of("flow", "stock");

  private Vocabulary() {
  }
}
