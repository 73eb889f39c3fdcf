package org.aimonitor.store;

import java.math.BigDecimal;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One source's figure for an indicator, region and period. Exactly one observation per
 * (indicator, region, period) is the headline that charts use. {@code breakBefore}: the figure
 * is not comparable with the one before it in its series (a series break or a change of
 * definition), so no chart joins the two; {@code doubtful}: its note calls it doubtful;
 * {@code noteZh}: the note in Chinese, empty when it has none yet.
 */
public record Observation(
    String indicator,
    String region,
    Period period,
    BigDecimal value,
    Qualifier qualifier,
    String source,
    boolean headline,
    String note,
    boolean breakBefore,
    boolean doubtful,
    String noteZh) {

  @JdbiConstructor
  public Observation {
  }

  /** A figure whose note has no Chinese text yet. */
  public Observation(String indicator, String region, Period period, BigDecimal value,
      Qualifier qualifier, String source, boolean headline, String note, boolean breakBefore,
      boolean doubtful) {
    this(indicator, region, period, value, qualifier, source, headline, note, breakBefore, doubtful,
        "");
  }

  /** A figure comparable with the one before it and not marked doubtful. */
  public Observation(String indicator, String region, Period period, BigDecimal value,
      Qualifier qualifier, String source, boolean headline, String note) {
    this(indicator, region, period, value, qualifier, source, headline, note, false, false);
  }

  /** The note a page in Chinese ({@code zh}) or English shows: Chinese when there is one. */
  public String note(boolean zh) {
    return zh && !noteZh.isEmpty() ? noteZh : note;
  }

  /**
   * The {@code lang} of {@link #note(boolean)} on a page in Chinese ({@code zh}) or English:
   * {@code "en"} when a Chinese page shows the English note, else null (the page's language).
   */
  public String noteLang(boolean zh) {
    return zh && noteZh.isEmpty() && !note.isEmpty() ? "en" : null;
  }
}
