package org.aimonitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.Query;

/**
 * Keyset paging for long lists in the JSON API: rows in the order of a tuple of SQL
 * expressions (all ascending, the last one unique), and a cursor that holds the last row's
 * tuple, so the next page starts right after it with {@code (k0, k1, …) > (…)} instead of
 * skipping rows with an ever deeper OFFSET, and inserts between two requests shift nothing.
 *
 * @param keys the sort expressions, most significant first
 */
public record Keyset(List<String> keys) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Keyset(String... keys) {
    this(List.of(keys));
  }

  /** {@code ORDER BY} text. */
  public String orderBy() {
    return String.join(", ", keys);
  }

  /** The keys as extra result columns {@code k0, k1, …}, to read the cursor of the last row. */
  public String select() {
    return IntStream.range(0, keys.size()).mapToObj(i -> keys.get(i) + " AS k" + i)
        .collect(Collectors.joining(", "));
  }

  /** The condition "after the cursor's row", or {@code 1 = 1} without a cursor. */
  public String after(List<Object> cursor) {
    if (cursor == null) {
      return "1 = 1";
    }
    return "(" + orderBy() + ") > (" + IntStream.range(0, keys.size()).mapToObj(i -> ":k" + i)
        .collect(Collectors.joining(", ")) + ")";
  }

  /** Binds the cursor's values for {@link #after}. */
  public Query bind(Query query, List<Object> cursor) {
    if (cursor != null) {
      for (int i = 0; i < cursor.size(); i++) {
        query.bind("k" + i, cursor.get(i));
      }
    }
    return query;
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
