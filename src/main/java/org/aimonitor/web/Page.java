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
 * is current, the asset URLs, the page's language, the address of the same page in the
 * other language (the switcher keeps the path and every other query parameter), and the Atom
 * feeds the page links in its head.
 */
public record Page(String title, String nav, Assets assets, Lang lang, String switchHref,
    List<Feed> feeds) {

  private static final Assets ASSETS = Assets.get();

  /** A feed a page offers (a {@code <link rel="alternate" type="application/atom+xml">}). */
  public record Feed(String title, String href) {
  }

  /** Every page offers the feed of all imports, in its language. */
  public static Feed updatesFeed(Lang lang) {
    return new Feed(Text.of(lang).t("updates.feed.title"),
        "/updates.atom" + (lang == Lang.ZH ? "?lang=zh" : ""));
  }

  /** The language the switcher offers. */
  public Lang switchLang() {
    return lang.other();
  }

  /** Renders {@code template} inside the site layout with {@code view} as the page's model. */
  public static void render(Context ctx, String template, String title, String nav, Object view) {
    render(ctx, template, title, nav, view, List.of());
  }

  /** As {@link #render(Context, String, String, String, Object)}, offering {@code feeds} too. */
  public static void render(Context ctx, String template, String title, String nav, Object view,
      List<Feed> feeds) {
    Lang lang = Lang.of(ctx);
    List<Feed> all = new java.util.ArrayList<>(feeds);
    all.add(updatesFeed(lang));
    Page page = new Page(title, nav, ASSETS, lang, switchHref(ctx, lang.other()), List.copyOf(all));
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
