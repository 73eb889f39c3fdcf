package org.aimonitor.i18n;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.aimonitor.store.Event;
import org.aimonitor.store.History;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Source;
import org.aimonitor.store.Unit;

/**
 * Everything a page says, in one language: interface text from the bundles ({@link Messages}),
 * the dataset's own names in that language, and figures, periods and dates written the way
 * that language writes them. English shows values in the dataset's units ("&gt; ¥900 billion");
 * Chinese converts them to the dataset's Chinese units ("超过9000亿元": 1 billion yuan = 10 亿元,
 * 1 million units = 100 万台, 100 million users = 1 亿人), shifting the decimals with the unit so
 * no precision is invented or lost.
 */
public final class Text {

  public static final Text EN = new Text(Lang.EN);
  public static final Text ZH = new Text(Lang.ZH);

  private final Lang lang;

  private Text(Lang lang) {
    this.lang = lang;
  }

  public static Text of(Lang lang) {
    return lang == Lang.ZH ? ZH : EN;
  }

  /** The text of the request's language (see {@link Lang#resolve(Context)}). */
  public static Text of(Context ctx) {
    return of(Lang.of(ctx));
  }

  public Lang lang() {
    return lang;
  }

  public boolean zh() {
    return lang == Lang.ZH;
  }

  /** Interface text: the bundle's message {@code key} with {@code args} in its placeholders. */
  public String t(String key, Object... args) {
    return Messages.get(lang, key, args);
  }

  // ---- The dataset's own words -------------------------------------------------------------

  public String name(Indicator i) {
    return zh() ? i.nameZh() : i.nameEn();
  }

  /** The indicator's unit in words, as the dataset gives it in this language. */
  public String unit(Indicator i) {
    return zh() ? i.unitZh() : i.unitEn();
  }

  public String definition(Indicator i) {
    return zh() ? i.definitionZh() : i.definitionEn();
  }

  /**
   * Who made an import, as the import log records it, in this language: the names the program
   * writes itself ({@code seed}; {@code admin token (web)} and {@code admin token (API)}, the
   * default label of the admin token) have a Chinese label; a label staff chose or a user's name
   * stays as the log has it (see {@link #whoLang(String)}).
   */
  public String who(String who) {
    if (!zh()) {
      return who;
    }
    return switch (who) {
      case "seed" -> t("who.seed");
      case "admin token (web)" -> t("who.admin-token.web");
      case "admin token (API)" -> t("who.admin-token.api");
      default -> who;
    };
  }

  /**
   * The {@code lang} of {@link #who(String)}: {@code "en"} on a Chinese page when it is the
   * log's own words, else null (the page's language).
   */
  public String whoLang(String who) {
    return zh() && who(who).equals(who) ? "en" : null;
  }

  public String title(Event e) {
    return zh() ? e.titleZh() : e.titleEn();
  }

  /** "lower bound" / "下限". */
  public String qualifier(Qualifier q) {
    return t("qualifier." + q.code());
  }

  /** An event category in words. */
  public String eventCategory(String code) {
    return t("event-category." + code);
  }

  // ---- Periods and dates --------------------------------------------------------------------

  /** "2024", "H1 2024", "Q3 2023", "Jun 2023", "Jan–Jul 2025"; "2024年", "2025年第2季度", "2025年1–7月". */
  public String period(Period p) {
    if (!zh()) {
      return p.label();
    }
    YearMonth first = p.first();
    YearMonth last = p.last();
    return switch (p.granularity()) {
      case YEAR -> first.getYear() + "年";
      case HALF -> first.getYear() + (first.getMonthValue() <= 6 ? "年上半年" : "年下半年");
      case QUARTER -> first.getYear() + "年第" + ((first.getMonthValue() + 2) / 3) + "季度";
      case MONTH -> first.getYear() + "年" + first.getMonthValue() + "月";
      case RANGE -> first.getYear() == last.getYear()
          ? first.getYear() + "年" + first.getMonthValue() + "–" + last.getMonthValue() + "月"
          : first.getYear() + "年" + first.getMonthValue() + "月–" + last.getYear() + "年"
              + last.getMonthValue() + "月";
    };
  }

  /**
   * The period of an indicator's figure as a page writes it: a stock at the end of its period
   * ("end of 2024", "2024年末"), anything else over it ("2025 Q2", "2025年第2季度").
   */
  public String period(Indicator indicator, Observation o) {
    return indicator.isStock() ? periodEnd(o.period()) : period(o.period());
  }

  /** A stock read at the close of its period: "end of 2025", "2025年末". */
  public String periodEnd(Period p) {
    if (!zh()) {
      return p.endLabel();
    }
    return switch (p.granularity()) {
      case MONTH -> period(p);
      case RANGE -> p.last().getYear() + "年" + p.last().getMonthValue() + "月";
      default -> period(p) + "末";
    };
  }

  /** "1 Oct 2025", "Jul 2025", "2025"; "2025年10月1日", "2025年7月", "2025年". */
  public String date(PartialDate d) {
    if (!zh()) {
      return d.label();
    }
    if (d.month() == 0) {
      return d.year() + "年";
    }
    return d.year() + "年" + d.month() + "月" + (d.day() == 0 ? "" : d.day() + "日");
  }

  /** A source's publication date, or "date unknown". */
  public String date(Source s) {
    return s.publishedOn() == null ? t("source.date-unknown") : date(s.publishedOn());
  }

  /**
   * The BCP 47 tag of a source title's language, for its {@code lang} attribute: the source's
   * language, except that a title without a single Han character is not Chinese (descriptive
   * titles of Chinese pages were recorded in English).
   */
  public String lang(Source s) {
    if ("zh".equals(s.language())) {
      return s.title().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
          ? "zh-CN" : "en";
    }
    return s.language();
  }

  /** A full date: "29 Nov 2026", "2026年11月29日". */
  public String date(LocalDate d) {
    if (zh()) {
      return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
    return d.getDayOfMonth() + " "
        + d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + d.getYear();
  }

  // ---- Numbers and figures ------------------------------------------------------------------

  /**
   * A value in the unit this language charts it in, with the decimals that unit allows:
   * English keeps the dataset's unit; Chinese uses the indicator's Chinese unit words (亿元,
   * 万台, 亿人), whose leading magnitude sets the scale (see {@link #amount}).
   */
  public record Scaled(BigDecimal value, int decimals) {
  }

  public Scaled scaled(Indicator i, BigDecimal value) {
    if (!zh()) {
      return new Scaled(value, i.decimals());
    }
    int shift = i.display().zhExponent() - magnitude(i.unitZh());
    return new Scaled(value.movePointRight(shift), Math.max(0, i.decimals() - shift));
  }

  /** The value as a chart draws it, in this language's unit. */
  public double chartValue(Indicator i, BigDecimal value) {
    return scaled(i, value).value().doubleValue();
  }

  /** The number alone, at no more precision than published: "5,300" / "5300". */
  public String number(BigDecimal value, int maxDecimals) {
    int scale = Math.max(0, Math.min(maxDecimals, value.stripTrailingZeros().scale()));
    NumberFormat nf = NumberFormat.getNumberInstance(Locale.ENGLISH);
    // Chinese groups digits by magnitude words (万, 亿, 万亿), not by separators: 9000亿元, 5300家.
    nf.setGroupingUsed(!zh());
    nf.setMinimumFractionDigits(scale);
    nf.setMaximumFractionDigits(scale);
    nf.setRoundingMode(RoundingMode.HALF_EVEN);
    return nf.format(value.setScale(scale, RoundingMode.HALF_EVEN));
  }

  /** A count as this language writes it: "1,234" / "1234". */
  public String count(long n) {
    return number(BigDecimal.valueOf(n), 0);
  }

  /** Chinese magnitude words by power of ten. */
  private static final java.util.Map<Integer, String> MAGNITUDES =
      java.util.Map.of(0, "", 4, "万", 8, "亿", 12, "万亿");

  /**
   * The value with its unit, no qualifier, as the unit's row says (units.csv): "¥900 billion",
   * "+24 %", "5,300 enterprises"; "9000亿元", "超过1.2万亿元" for 1,200 billion, "580万台",
   * "6.02亿人", "48.9万家". Chinese writes the value in the unit's base (yuan, units, people)
   * with the largest magnitude word its unit allows that it reaches (万 10^4, 亿 10^8,
   * 万亿 10^12), else the smallest it allows; the decimals move with the magnitude, so no
   * precision is invented or lost (1,200 billion yuan is 1.2万亿元, not 1.2000万亿元).
   */
  public String amount(Indicator i, BigDecimal value) {
    Unit u = i.display();
    String sign = i.isGrowthRate() && value.signum() > 0 ? "+" : "";
    if (!zh()) {
      return u.formatEn().replace("{0}", sign + number(value, i.decimals()))
          .replace("{unit}", i.unitEn());
    }
    int exponent = u.zhExponent();
    List<Integer> allowed = u.magnitudes();
    // Rounded to the published precision first, so 999.99 billion shown as 1,000 is 1万亿, not 10000亿.
    if (value.scale() > i.decimals()) {
      value = value.setScale(i.decimals(), RoundingMode.HALF_EVEN);
    }
    BigDecimal base = value.abs().movePointRight(exponent);
    int magnitude = allowed.isEmpty() ? 0 : allowed.get(0);
    for (int m : allowed) {
      if (base.compareTo(BigDecimal.ONE.movePointRight(m)) >= 0) {
        magnitude = m;
      }
    }
    int shift = exponent - magnitude;
    String n = sign + number(value.movePointRight(shift), Math.max(0, i.decimals() - shift))
        + MAGNITUDES.getOrDefault(magnitude, "");
    return u.formatZh().replace("{0}", n).replace("{unit}", noun(i.unitZh()));
  }

  /** The power of ten an indicator's Chinese unit words start with: 亿元 8, 万台 4, 家 0. */
  static int magnitude(String unitZh) {
    if (unitZh.startsWith("万亿")) {
      return 12;
    }
    if (unitZh.startsWith("亿")) {
      return 8;
    }
    return unitZh.startsWith("万") ? 4 : 0;
  }

  /** The Chinese unit words without their magnitude: 亿元 元, 万台 台, 家 家. */
  static String noun(String unitZh) {
    for (String m : List.of("万亿", "亿", "万")) {
      if (unitZh.startsWith(m)) {
        return unitZh.substring(m.length());
      }
    }
    return unitZh;
  }

  /** The value as a figure: "&gt; ¥900 billion", "≈ 15 %", "¥1,729.5 billion (forecast)". */
  public String figure(Indicator i, BigDecimal value, Qualifier q) {
    String text = t("qualifier-sign." + q.code()) + amount(i, value);
    return switch (q) {
      case FORECAST, TARGET, DERIVED -> text + t("qualifier-suffix", qualifier(q));
      default -> text;
    };
  }

  public String figure(Indicator i, Observation o) {
    return figure(i, o.value(), o.qualifier());
  }

  /** The figure with its qualifier always named: "&gt; ¥900 billion (lower bound)". */
  public String labelled(Indicator i, BigDecimal value, Qualifier q) {
    return switch (q) {
      case FORECAST, TARGET, DERIVED -> figure(i, value, q);
      default -> figure(i, value, q) + t("qualifier-suffix", qualifier(q));
    };
  }

  /**
   * The history of a figure in one line, newest first: "&gt; ¥950 billion (lower bound), recorded
   * 2026-11-29 (import 3); previously …". Null when the figure has never been revised.
   */
  public String history(Indicator i, Observation o, History history) {
    if (history.previous().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(labelled(i, o.value(), o.qualifier()))
        .append(recorded(history.recordedOn(), history.importId()));
    for (History.Revision r : history.previous()) {
      text.append(t("history.previously"))
          .append(labelled(i, new BigDecimal(r.value()), r.qualifierValue()))
          .append(r.headline() ? t("history.headline") : "")
          .append(recorded(r.recordedAt() == null ? null : r.recordedAt().substring(0, 10), r.importId()));
    }
    return text.toString();
  }

  private String recorded(String day, Long importId) {
    if (day == null) {
      return "";
    }
    return importId == null ? t("history.recorded", day) : t("history.recorded-import", day, importId);
  }
}
