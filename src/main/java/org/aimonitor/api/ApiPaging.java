package org.aimonitor.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Keyset;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.KnownParams;
import org.aimonitor.web.QueryParams;

/**
 * How much of a long list one API answer holds: {@code limit} items (default
 * {@link #DEFAULT_LIMIT}, at most {@link #MAX_LIMIT}) after {@code cursor}, the opaque token an
 * earlier answer gave as {@code next}. Lists have a stable order, so following {@code next}
 * until it is null visits every item once. Bad values are refused with 400.
 *
 * @param limit items per answer
 * @param after the key values of the item the answer starts after, or {@code null} for the first
 */
public record ApiPaging(int limit, List<Object> after) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;
  /** The parameters it reads. */
  public static final QueryParams PARAMS = QueryParams.of("limit", "cursor");
  private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,6}");

  /** Reads {@code limit} and {@code cursor} from the request (its route declares {@link #PARAMS}). */
  public static ApiPaging parse(Context ctx, Keyset order) {
    return parse(PARAMS.in(ctx), order);
  }

  /** Reads {@code limit} and {@code cursor} for a list in {@code order}. */
  public static ApiPaging parse(Map<String, List<String>> query, Keyset order) {
    String limitText = PARAMS.single(query, "limit", Text.EN);
    int limit = DEFAULT_LIMIT;
    if (limitText != null) {
      if (!NUMBER.matcher(limitText).matches() || Integer.parseInt(limitText) > MAX_LIMIT) {
        throw refused("The parameter \"limit\" must be a whole number from 1 to " + MAX_LIMIT
            + ", not \"" + limitText + "\".");
      }
      limit = Integer.parseInt(limitText);
    }
    String cursor = PARAMS.single(query, "cursor", Text.EN);
    List<Object> after = null;
    if (cursor != null) {
      try {
        after = order.decode(cursor);
      } catch (IllegalArgumentException e) {
        throw refused("The parameter \"cursor\" is not a cursor this list gave out (\"" + cursor
            + "\"); start without it, then follow \"next\".");
      }
    }
    return new ApiPaging(limit, after);
  }

  /** The API speaks English whatever the request's language (docs/api.md). */
  private static HttpProblem refused(String message) {
    return QueryParams.refused(Text.EN, message);
  }

  /**
   * The address of the answer after this one: the same path and parameters with the cursor
   * {@code next}; {@code null} when {@code next} is (the list has ended).
   */
  public String next(Context ctx, String next) {
    if (next == null) {
      return null;
    }
    StringJoiner query = new StringJoiner("&");
    KnownParams.canonical(ctx).forEach((name, values) -> {
      if (!name.equals("cursor")) {
        values.forEach(v -> query.add(encode(name) + "=" + encode(v)));
      }
    });
    query.add("cursor=" + next);
    return ctx.path() + "?" + query;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
