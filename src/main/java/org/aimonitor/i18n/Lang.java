package org.aimonitor.i18n;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the monitor speaks. A request's language is chosen by {@code ?lang=en|zh}
 * (remembered in the {@code lang} cookie), then that cookie, then {@code Accept-Language},
 * then English; see {@link #resolve(Context)}.
 */
public enum Lang {
  EN("en", Locale.ENGLISH, "en", "English"),
  ZH("zh", Locale.SIMPLIFIED_CHINESE, "zh-CN", "中文");

  /** The query parameter and the cookie that choose the language. */
  public static final String PARAM = "lang";

  private static final String ATTRIBUTE = "aim.lang";
  private static final int COOKIE_SECONDS = 365 * 24 * 3600;

  private final String code;
  private final Locale locale;
  private final String htmlLang;
  private final String nativeName;

  Lang(String code, Locale locale, String htmlLang, String nativeName) {
    this.code = code;
    this.locale = locale;
    this.htmlLang = htmlLang;
    this.nativeName = nativeName;
  }

  /** The code used in URLs, the cookie and the bundle names: {@code en}, {@code zh}. */
  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The BCP 47 tag for {@code <html lang>}: {@code en}, {@code zh-CN}. */
  public String htmlLang() {
    return htmlLang;
  }

  /** The language's name in itself, as the switcher shows it: "English", "中文". */
  public String nativeName() {
    return nativeName;
  }

  /** The other language (the switcher's target). */
  public Lang other() {
    return this == EN ? ZH : EN;
  }

  /** The language with this code ({@code en}, {@code zh}), if it is one of ours. */
  public static Optional<Lang> of(String code) {
    for (Lang lang : values()) {
      if (lang.code.equals(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  /** The language of a {@link Locale} (Thymeleaf hands templates' locale back to us). */
  public static Lang of(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
  }

  /**
   * Chooses the request's language and remembers it for {@link #of(Context)}. An explicit
   * {@code ?lang=} of ours is stored in the cookie; an unknown value means English for this
   * request and sets no cookie (a link with {@code ?lang=xx} must not change a reader's choice
   * for a year), as anything unreadable in the cookie or the header means English.
   */
  public static Lang resolve(Context ctx) {
    Lang lang;
    String asked = ctx.queryParam(PARAM);
    if (asked != null) {
      Optional<Lang> known = of(asked);
      lang = known.orElse(EN);
      known.ifPresent(l -> ctx.cookie(cookie(l)));
    } else {
      lang = choose(ctx.cookie(PARAM), ctx.header("Accept-Language"));
    }
    ctx.attribute(ATTRIBUTE, lang);
    return lang;
  }

  /**
   * The language of a request without a usable {@code ?lang=}: the {@code lang} cookie's value,
   * then the {@code Accept-Language} header, then English.
   */
  public static Lang choose(String cookie, String acceptLanguage) {
    return of(cookie).orElseGet(() -> fromAcceptLanguage(acceptLanguage));
  }

  /** The language {@link #resolve(Context)} chose for this request (English before that). */
  public static Lang of(Context ctx) {
    Lang lang = ctx.attribute(ATTRIBUTE);
    return lang == null ? EN : lang;
  }

  private static io.javalin.http.Cookie cookie(Lang lang) {
    io.javalin.http.Cookie c = new io.javalin.http.Cookie(PARAM, lang.code);
    c.setPath("/");
    c.setMaxAge(COOKIE_SECONDS);
    c.setSameSite(io.javalin.http.SameSite.LAX);
    return c;
  }

  /**
   * The first of our languages in an {@code Accept-Language} header by preference: any
   * {@code zh-*} counts as Chinese. English when none is there or the header cannot be read.
   */
  static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return EN;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      String primary = range.getRange().split("-", 2)[0];
      if (primary.equals("zh")) {
        return ZH;
      }
      if (primary.equals("en")) {
        return EN;
      }
    }
    return EN;
  }
}
