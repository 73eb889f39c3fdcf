package org.aimonitor.store;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.LocalDate;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * A vintage of the data: as they stood at the end of day {@code asOf} (UTC, the day of the
 * import log's instants), or as each figure was first published here ({@code first}), or
 * neither (today's data, {@link #TODAY}). Figure pages and indicator views share it; the query
 * parameters that ask for one are read by {@code web/VintageParam}.
 *
 * <p>A figure's state at a vintage is read from its row and its revisions in one join: the
 * first revision that replaced it at or after {@link #after()} holds that state (its old
 * values), else the row's own state is it; the figure stood then when that state had been
 * recorded before {@link #until()} (or before imports were logged). Imports never delete a
 * figure, so every figure of a vintage is still a row.
 */
public record AsOf(LocalDate asOf, boolean first) {

  public static final AsOf TODAY = new AsOf(null, false);
  public static final AsOf FIRST = new AsOf(null, true);

  public static AsOf day(LocalDate day) {
    return new AsOf(day, false);
  }

  /** Whether this is a past view (not today's data). */
  public boolean any() {
    return asOf != null || first;
  }

  /** The parameter that asks for it ("as_of=2026-12-01", "vintage=first"), or "" for today. */
  public String param() {
    return first ? "vintage=first" : asOf != null ? "as_of=" + asOf : "";
  }

  /** The query string that keeps the vintage on links ("?as_of=2026-12-01"), or "". */
  public String query() {
    return any() ? "?" + param() : "";
  }

  /** {@code query} (a query string or "") with the vintage's parameter added. */
  public String keptOn(String query) {
    if (!any()) {
      return query;
    }
    return query.isEmpty() ? "?" + param() : query + "&" + param();
  }

  /** States replaced at or after this instant (ISO text) were the vintage's: "" for the first. */
  public String after() {
    return first ? "" : asOf.plusDays(1).toString();
  }

  /** A state recorded before this (ISO text) had been published by then. */
  public String until() {
    return first ? "9" : asOf.plusDays(1).toString();
  }

  /** Whether a revision replaced at {@code replacedAt} (ISO instant) had happened by then. */
  public boolean hadHappened(String replacedAt) {
    return !first && replacedAt != null && replacedAt.compareTo(until()) < 0;
  }

  /**
   * The state of {@code observation o} at the vintage: joins {@code revision v}, the first
   * revision at or after {@link #after()} (through {@code revision_by_observation}, one seek
   * per figure read). Goes after the {@code FROM} list of a query on {@code observation o}.
   */
  public static final String JOIN = """
       LEFT JOIN revision v ON v.id = (SELECT x.id FROM revision x
        WHERE x.observation_id = o.id AND x.replaced_at >= :vintageAfter ORDER BY x.id LIMIT 1)
      """;

  /**
   * The figure of {@code observation o} had been published at the vintage (no join needed):
   * its state now, or an earlier one, had been recorded by then. Cheaper than {@link #STOOD}
   * where most figures have not changed since: one comparison, and a seek into the figure's
   * revisions only for a figure recorded later.
   */
  public static final String EXISTED = "(o.recorded_at IS NULL OR o.recorded_at < :vintageUntil"
      + " OR EXISTS (SELECT 1 FROM revision x WHERE x.observation_id = o.id"
      + " AND coalesce(x.old_recorded_at, '') < :vintageUntil))";

  /** The headline flag the figure had at the vintage (with {@link #JOIN}). */
  public static final String HEADLINE = "(CASE WHEN v.id IS NULL THEN o.headline"
      + " ELSE CAST(json_extract(v.old_values, '$.headline') AS INTEGER) END)";

  /** The figure stood at the vintage: its state then had been recorded (with {@link #JOIN}). */
  public static final String STOOD = "coalesce(CASE WHEN v.id IS NULL THEN o.recorded_at"
      + " ELSE v.old_recorded_at END, '') < :vintageUntil";

  /**
   * The observation's columns as they were at the vintage (with {@link #JOIN}), named as the
   * table's, with its row id and the recording of that state: what {@code Histories.Recorded}
   * and {@code Observation} map. A revision written before a column existed lacks it: the
   * column then had its default.
   */
  public static final String COLUMNS = """
      o.id, o.indicator, o.region, o.period,
      CASE WHEN v.id IS NULL THEN o.value ELSE json_extract(v.old_values, '$.value') END AS value,
      CASE WHEN v.id IS NULL THEN o.qualifier ELSE json_extract(v.old_values, '$.qualifier') END AS qualifier,
      o.source,
      """ + HEADLINE + """
       AS headline,
      CASE WHEN v.id IS NULL THEN o.note ELSE coalesce(json_extract(v.old_values, '$.note'), '') END AS note,
      CASE WHEN v.id IS NULL THEN o.break_before
        ELSE coalesce(CAST(json_extract(v.old_values, '$.break_before') AS INTEGER), 0) END AS break_before,
      CASE WHEN v.id IS NULL THEN o.doubtful
        ELSE coalesce(CAST(json_extract(v.old_values, '$.doubtful') AS INTEGER), 0) END AS doubtful,
      CASE WHEN v.id IS NULL THEN o.note_zh ELSE coalesce(json_extract(v.old_values, '$.note_zh'), '') END AS note_zh,
      CASE WHEN v.id IS NULL THEN o.recorded_at ELSE v.old_recorded_at END AS recorded_at,
      CASE WHEN v.id IS NULL THEN o.import_id ELSE v.old_import_id END AS import_id
      """;

  /** Binds an {@link AsOf} into a query written with {@link #JOIN} and {@link #STOOD}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @SqlStatementCustomizingAnnotation(Bind.Factory.class)
  public @interface Bind {

    /** Makes the customizer of a {@link Bind} parameter. */
    final class Factory implements SqlStatementCustomizerFactory {
      @Override
      public SqlStatementParameterCustomizer createForParameter(Annotation annotation,
          Class<?> sqlObjectType, Method method, Parameter param, int index, Type type) {
        return (statement, argument) -> {
          AsOf at = (AsOf) argument;
          if (!at.any()) {
            throw new IllegalArgumentException("a vintage read needs a vintage, not today");
          }
          statement.bind("vintageAfter", at.after());
          statement.bind("vintageUntil", at.until());
        };
      }
    }
  }
}
