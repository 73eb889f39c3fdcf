package org.aimonitor.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;

/**
 * What the layout needs besides the page's own view model: its title, which navigation entry
 * is current, the asset URLs, the page's language and the address of the same page in the
 * other language (the switcher keeps the path and every other query parameter).
 */
public record Page(String title, String nav, Assets assets, Lang lang, String switchHref) {

  private static final Assets ASSETS = Assets.get();

  /** The language the switcher offers. */
  public Lang switchLang() {
    return lang.other();
  }

  /** Renders {@code template} inside the site layout with {@code view} as the page's model. */
  public static void render(Context ctx, String template, String title, String nav, Object view) {
    Lang lang = Lang.of(ctx);
    Page page = new Page(title, nav, ASSETS, lang, switchHref(ctx, lang.other()));
    ctx.render(template, Map.of("page", page, "view", view, "t", Text.of(lang)));
    // Said in the header too, not only in <meta charset>, so nothing has to sniff the encoding.
    ctx.contentType("text/html; charset=utf-8");
  }

  /**
   * This request's path and the query parameters its route understands, with {@code lang} set
   * to {@code target}; other parameters are not carried along (see {@link KnownParams}).
   */
  static String switchHref(Context ctx, Lang target) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> e : KnownParams.canonical(ctx).entrySet()) {
      for (String value : e.getValue()) {
        query.add(encode(e.getKey()) + "=" + encode(value));
      }
    }
    query.add(Lang.PARAM + "=" + target.code());
    return ctx.path() + "?" + query;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
