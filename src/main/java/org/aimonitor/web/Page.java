package org.aimonitor.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * What the layout needs besides the page's own view model: its title, which navigation entry
 * is current, and the asset URLs.
 */
public record Page(String title, String nav, Assets assets) {

  private static final Assets ASSETS = Assets.get();

  /** Renders {@code template} inside the site layout with {@code view} as the page's model. */
  public static void render(Context ctx, String template, String title, String nav, Object view) {
    ctx.render(template, Map.of("page", new Page(title, nav, ASSETS), "view", view));
    // Said in the header too, not only in <meta charset>, so nothing has to sniff the encoding.
    ctx.contentType("text/html; charset=utf-8");
  }
}
