package org.aimonitor.region;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Region;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;
import org.jdbi.v3.core.Handle;

/**
 * Which places a list of places shows: one level ({@code level=province}) and/or the places
 * directly within one place ({@code parent=CN-GD}); absent means all. Parsed strictly like the
 * indicator filters, so a bad value is a 400 that says why, never silently ignored.
 *
 * @param level  {@code world}, {@code country}, {@code province} or {@code city}, or null
 * @param parent a place's code, or null
 */
public record PlaceFilter(String level, String parent) {

  public static final PlaceFilter ALL = new PlaceFilter(null, null);
  /** The parameters it reads. */
  public static final QueryParams PARAMS = QueryParams.of("level", "parent");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,3}");

  /**
   * Reads {@code level} and {@code parent}; {@code t} is the language of the refusal (English
   * for the API).
   *
   * @throws HttpProblem 400 for a level that is not one of the four, or a malformed code
   */
  public static PlaceFilter parse(Map<String, List<String>> query, Text t) {
    String level = PARAMS.single(query, "level", t);
    if (level != null && !Region.LEVELS.contains(level)) {
      throw refused(t, t.t("places.error.level", level, String.join(", ", Region.LEVELS)));
    }
    String parent = PARAMS.single(query, "parent", t);
    if (parent != null && !CODE.matcher(parent).matches()) {
      throw refused(t, t.t("places.error.parent", parent));
    }
    return new PlaceFilter(level, parent);
  }

  /** Checks the parent place exists, in the handle's transaction: 400 when it does not. */
  void check(Handle h, Text t) {
    if (parent != null && h.attach(DataStore.class).region(parent).isEmpty()) {
      throw refused(t, t.t("places.error.unknown-parent", parent));
    }
  }

  /** Reads the filter from the request (its route declares {@link #PARAMS}). */
  public static PlaceFilter parse(Context ctx, Text t) {
    return parse(PARAMS.in(ctx), t);
  }

  private static HttpProblem refused(Text t, String message) {
    return QueryParams.refused(t, message);
  }

  boolean isEmpty() {
    return level == null && parent == null;
  }

  PlaceFilter withLevel(String other) {
    return new PlaceFilter(other, parent);
  }

  /** The filter as a query string ("?level=city&parent=CN-GD"), with page {@code page} (none for 1). */
  String query(int page) {
    StringBuilder q = new StringBuilder();
    if (level != null) {
      q.append(q.length() == 0 ? "?" : "&").append("level=").append(level);
    }
    if (parent != null) {
      q.append(q.length() == 0 ? "?" : "&").append("parent=").append(parent);
    }
    if (page > 1) {
      q.append(q.length() == 0 ? "?" : "&").append("page=").append(page);
    }
    return q.toString();
  }
}
