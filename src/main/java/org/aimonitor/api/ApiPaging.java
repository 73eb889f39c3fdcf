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

  /**
   * Reads {@code limit} and {@code cursor} from the request (its route declares {@link #PARAMS}).
   * A cursor is checked against the list it came from: {@link #next} seals it with a checksum of
   * that list (its path and its parameters but {@code limit}) and of its own text, so a cursor of
   * another list, or one edited by hand (other values, other types), is refused with 400 instead
   * of starting an arbitrary page.
   */
  public static ApiPaging parse(Context ctx, Keyset order) {
    Map<String, List<String>> query = PARAMS.in(ctx);
    String cursor = PARAMS.single(query, "cursor", Text.EN);
    if (cursor == null) {
      return parse(query, order);
    }
    int dot = cursor.lastIndexOf('.');
    if (dot < 0 || !java.security.MessageDigest.isEqual(
        seal(ctx, cursor.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
        cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      throw refused("The parameter \"cursor\" is not a cursor this list gave out (\"" + cursor
          + "\"); start without it, then follow \"next\".");
    }
    java.util.Map<String, List<String>> unsealed = new java.util.LinkedHashMap<>(query);
    unsealed.put("cursor", List.of(cursor.substring(0, dot)));
    return parse(unsealed, order);
  }

  /** The checksum that ties a cursor's text to the list at this request's path and parameters. */
  private static String seal(Context ctx, String cursor) {
    StringBuilder list = new StringBuilder(ctx.path());
    new java.util.TreeMap<>(KnownParams.canonical(ctx)).forEach((name, values) -> {
      if (!name.equals("cursor") && !name.equals("limit")) {
        list.append('\n').append(name).append('=').append(String.join("\u0000", values));
      }
    });
    list.append('\n').append(cursor);
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(list.toString().getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(digest, 9));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
    query.add("cursor=" + next + "." + seal(ctx, next));
    return ctx.path() + "?" + query;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
