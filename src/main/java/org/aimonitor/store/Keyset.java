package org.aimonitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.RowMappers;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * Keyset paging for long lists in the JSON API: rows in the order of a tuple of SQL
 * expressions (all ascending, the last one unique), and a cursor that holds the last row's
 * tuple, so the next page starts right after it with {@code (k0, k1, …) > (…)} instead of
 * skipping rows with an ever deeper OFFSET, and inserts between two requests shift nothing.
 *
 * <p>A SQL object's query takes the {@link Position} to start from with {@link Bind}, which
 * fills in {@code <keys>} (the key expressions as result columns {@code k0, k1, …}),
 * {@code <keyOrder>} (the ORDER BY list) and {@code <afterCursor>} (the condition "after the
 * cursor's row", {@code 1 = 1} from the first row); a row read that way is a {@link Keyed}, its
 * key ready to become the next cursor.
 *
 * @param keys the sort expressions, most significant first
 */
public record Keyset(List<String> keys) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Keyset(String... keys) {
    this(List.of(keys));
  }

  /** Where a page in this order starts: after the row whose key values are {@code cursor}, or at the first row when it is null. */
  public Position after(List<Object> cursor) {
    return new Position(this, cursor);
  }

  /** The first row of this order. */
  public Position first() {
    return after(null);
  }

  /** A place in a keyset's order: after the row with the key values {@code cursor} (null: before the first row). */
  public record Position(Keyset order, List<Object> cursor) {
  }

  /** A row read in a keyset's order, with its key values (for the cursor of the page after it). */
  public record Keyed<T>(T row, List<Object> key) {
  }

  private String orderBy() {
    return String.join(", ", keys);
  }

  private String select() {
    return IntStream.range(0, keys.size()).mapToObj(i -> keys.get(i) + " AS k" + i)
        .collect(Collectors.joining(", "));
  }

  private String condition(List<Object> cursor) {
    if (cursor == null) {
      return "1 = 1";
    }
    return "(" + orderBy() + ") > (" + IntStream.range(0, keys.size()).mapToObj(i -> ":k" + i)
        .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * Binds a {@link Position} into a SQL object's query: {@code <keys>}, {@code <keyOrder>},
   * {@code <afterCursor>} and the cursor's values as {@code :k0, :k1, …}.
   */
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
          Position at = (Position) argument;
          Keyset order = at.order();
          statement.define("keys", order.select());
          statement.define("keyOrder", order.orderBy());
          statement.define("afterCursor", order.condition(at.cursor()));
          if (at.cursor() != null) {
            for (int i = 0; i < at.cursor().size(); i++) {
              statement.bind("k" + i, at.cursor().get(i));
            }
          }
        };
      }
    }
  }

  /**
   * Maps rows read with {@code <keys>} into {@link Keyed} records: the row by the mapper its own
   * type has, the key from the columns {@code k0, k1, …}. Registered once, in {@link Database}.
   */
  static final class KeyedRows implements RowMapperFactory {
    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
      if (GenericTypes.getErasedType(type) != Keyed.class) {
        return Optional.empty();
      }
      Type rowType = GenericTypes.findGenericParameter(type, Keyed.class)
          .orElseThrow(() -> new IllegalArgumentException("a Keyed row needs its row type: " + type));
      RowMapper<?> rows = config.get(RowMappers.class).findFor(rowType)
          .orElseThrow(() -> new IllegalArgumentException("no row mapper for " + rowType));
      return Optional.of(new KeyedMapper(rows));
    }
  }

  private record KeyedMapper(RowMapper<?> rows) implements RowMapper<Keyed<?>> {
    @Override
    public Keyed<?> map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<Keyed<?>> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
      RowMapper<?> row = rows.specialize(rs, ctx);
      ResultSetMetaData meta = rs.getMetaData();
      int keys = 0;
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        if (meta.getColumnLabel(c).matches("k\\d+")) {
          keys++;
        }
      }
      int count = keys;
      return (r, c) -> {
        List<Object> key = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          key.add(r.getObject("k" + i));
        }
        return new Keyed<>(row.map(r, c), Collections.unmodifiableList(key));
      };
    }
  }

  /** The opaque cursor of a row's key values (base64url of a JSON array). */
  public static String encode(List<Object> values) {
    try {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(JSON.writeValueAsBytes(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The key values of a cursor made by {@link #encode} for this keyset.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public List<Object> decode(String cursor) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor);
      List<?> values = JSON.readValue(new String(json, StandardCharsets.UTF_8), List.class);
      if (values.size() != keys.size()) {
        throw new IllegalArgumentException("cursor has " + values.size() + " keys");
      }
      List<Object> checked = new ArrayList<>();
      for (Object v : values) {
        if (!(v instanceof String || v instanceof Integer || v instanceof Long)) {
          throw new IllegalArgumentException("cursor holds a " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
        checked.add(v);
      }
      return checked;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a cursor", e);
    }
  }
}
