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
 * other language (the switcher keeps the path and every other query parameter), the same page's
 * address in every language for search engines, and the Atom feeds the page links in its head.
 */
public record Page(String title, String nav, Assets assets, Lang lang, String switchHref,
    List<Alternate> alternates, List<Feed> feeds) {

  private static final Assets ASSETS = Assets.get();

  /** A feed a page offers (a {@code <link rel="alternate" type="application/atom+xml">}). */
  public record Feed(String title, String href) {
  }

  /**
   * A {@code <link rel="alternate" hreflang>}: this page in one language, or with
   * {@code x-default} the address that lets the reader's cookie or browser choose. Absolute, as
   * search engines require, on the origin the reader used.
   */
  public record Alternate(String hreflang, String href) {
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
    Page page = new Page(title, nav, ASSETS, lang, switchHref(ctx, lang.other()), alternates(ctx),
        List.copyOf(all));
    ctx.render(template, Map.of("page", page, "view", view, "t", Text.of(lang)));
    // Said in the header too, not only in <meta charset>, so nothing has to sniff the encoding.
    ctx.contentType("text/html; charset=utf-8");
  }

  /**
   * This request's path and the query parameters its route understands, with {@code lang} set
   * to {@code target}; other parameters are not carried along (see {@link KnownParams}).
   */
  static String switchHref(Context ctx, Lang target) {
    return ctx.path() + "?" + query(ctx, target);
  }

  /**
   * This page in each language ({@code en}, {@code zh-CN}) and as {@code x-default} (no
   * {@code lang}: the cookie or {@code Accept-Language} decides), as absolute URLs on the
   * request's origin ({@link Addresses#origin}); a page cached with them is kept per origin
   * ({@link PageCache#key}).
   */
  static List<Alternate> alternates(Context ctx) {
    String base = Addresses.origin(ctx) + ctx.path();
    List<Alternate> list = new java.util.ArrayList<>();
    for (Lang l : Lang.values()) {
      list.add(new Alternate(l.htmlLang(), base + "?" + query(ctx, l)));
    }
    String neutral = query(ctx, null);
    list.add(new Alternate("x-default", neutral.isEmpty() ? base : base + "?" + neutral));
    return List.copyOf(list);
  }

  /** The route's known parameters, then {@code lang=target} unless {@code target} is null. */
  private static String query(Context ctx, Lang target) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> e : KnownParams.canonical(ctx).entrySet()) {
      for (String value : e.getValue()) {
        query.add(encode(e.getKey()) + "=" + encode(value));
      }
    }
    if (target != null) {
      query.add(Lang.PARAM + "=" + target.code());
    }
    return query.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
