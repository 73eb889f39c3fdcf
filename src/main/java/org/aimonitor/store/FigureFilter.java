package org.aimonitor.store;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * Which figures of an indicator a read covers: some places (every place when none is named) and
 * the periods that lie wholly within a range of whole years (either end open). An indicator
 * URL's filter is one. A SQL object's query takes it with {@link Bind}, which writes into
 * {@code <figureFilter>} exactly the conditions it asks for on {@code observation o} and binds
 * their values: a condition that is left out costs nothing, where an "{@code :x IS NULL OR}"
 * condition would keep SQLite from using the index for it.
 */
public interface FigureFilter {

  /** The places' codes; empty for every place. */
  List<String> regions();

  /** The first year included, or null. */
  Integer from();

  /** The last year included, or null. */
  Integer to();

  /**
   * Binds a {@link FigureFilter}: {@code <figureFilter>} becomes "{@code AND o.region IN (…)}",
   * "{@code AND o.period_start >= …}" and "{@code AND o.period_end <= …}", each only when the
   * filter names places, a first year or a last year (months numbered year * 12 + month - 1).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @SqlStatementCustomizingAnnotation(Bind.Factory.class)
  @interface Bind {

    /** Makes the customizer of a {@link Bind} parameter. */
    final class Factory implements SqlStatementCustomizerFactory {
      @Override
      public SqlStatementParameterCustomizer createForParameter(Annotation annotation,
          Class<?> sqlObjectType, Method method, Parameter param, int index, Type type) {
        return (statement, argument) -> {
          FigureFilter filter = (FigureFilter) argument;
          StringBuilder conditions = new StringBuilder();
          if (!filter.regions().isEmpty()) {
            // bindList defines the attribute as the list of its placeholders.
            statement.bindList("figureFilterRegions", filter.regions());
            conditions.append(" AND o.region IN (")
                .append(statement.getContext().getAttribute("figureFilterRegions")).append(')');
          }
          if (filter.from() != null) {
            conditions.append(" AND o.period_start >= :fromMonth");
            statement.bind("fromMonth", filter.from() * 12);
          }
          if (filter.to() != null) {
            conditions.append(" AND o.period_end <= :toMonth");
            statement.bind("toMonth", filter.to() * 12 + 11);
          }
          statement.define("figureFilter", conditions.toString());
        };
      }
    }
  }
}
