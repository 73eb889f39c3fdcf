package org.aimonitor.chart;

import java.util.List;
import org.aimonitor.store.Qualifier;

/**
 * The one visual grammar of qualifiers, used by every chart kind (bars, lines, scatter,
 * rankings, comparisons), on screen, on paper and in the PNG. A qualifier is told by the fill of
 * its bar or marker, a sign written beside it (the same sign the tables write: "&gt;", "≈") and,
 * for projections, by an open marker on a dashed line or a goal line; never by colour or marker
 * shape, which are a series' identity (a place, a product). So a place's look can never be
 * mistaken for a qualifier, and the key under each chart reads the same everywhere.
 */
public enum Mark {
  /** Stated as an exact figure: filled, solid. */
  REPORTED(Qualifier.REPORTED, "solid", "", false, false),
  /** "About": a lighter fill, and "≈" by the point. */
  APPROX(Qualifier.APPROX, "tint", "≈", false, false),
  /** "More than": hatched, and "&gt;" by the point (the true value lies beyond it). */
  LOWER_BOUND(Qualifier.LOWER_BOUND, "hatch", ">", false, false),
  /** Computed from published figures: dotted, and "=" by the point. */
  DERIVED(Qualifier.DERIVED, "dots", "=", false, false),
  /** A projection: open marker or bar, dashed line. */
  FORECAST(Qualifier.FORECAST, "open", "", true, false),
  /** A policy goal: open marker with a goal line through it, never joined by a line. */
  TARGET(Qualifier.TARGET, "open", "", false, true);

  /** Written by a figure its note calls doubtful, after its qualifier's sign. */
  public static final String DOUBTFUL_GLYPH = "?";
  /** Written by a figure drawn at the edge of the time axis because it lies beyond it. */
  public static final String BEYOND_GLYPH = "→";

  private final Qualifier qualifier;
  private final String fill;
  private final String glyph;
  private final boolean dashed;
  private final boolean goal;

  Mark(Qualifier qualifier, String fill, String glyph, boolean dashed, boolean goal) {
    this.qualifier = qualifier;
    this.fill = fill;
    this.glyph = glyph;
    this.dashed = dashed;
    this.goal = goal;
  }

  /** The mark of a qualifier. */
  public static Mark of(Qualifier q) {
    for (Mark m : values()) {
      if (m.qualifier == q) {
        return m;
      }
    }
    throw new IllegalArgumentException("no mark for " + q);
  }

  /** The qualifier's code, as points carry it ({@link ChartSpec.Point#mark()}). */
  public String code() {
    return qualifier.code();
  }

  /** solid, tint (a lighter fill), hatch (diagonal lines), dots or open (paper inside a border). */
  public String fill() {
    return fill;
  }

  /** The sign written beside the point or at the end of the bar; empty for none. */
  public String glyph() {
    return glyph;
  }

  /** Whether the line leading to the point is dashed. */
  public boolean dashed() {
    return dashed;
  }

  /** Whether a short horizontal goal line crosses the marker. */
  public boolean goal() {
    return goal;
  }

  /** The dash of a dashed line, in CSS pixels. */
  public List<Integer> dash() {
    return dashed ? List.of(6, 4) : List.of();
  }
}
