package org.aimonitor.citation;

import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;

/**
 * Every "How to cite" a page or download shows, and every source note, written from a
 * {@link Citation} here and nowhere else: a figure's page (author–date in English, GB/T 7714 in
 * Chinese, as its citation files), an indicator view's line, the whole dataset's (/data and its
 * workbook), a workbook's view, and the numbered sources under every page and the printed
 * summary. Pages mark the parts (a code, a link, a name in another language); the words, their
 * order and punctuation come from here.
 */
public final class CitationText {

  /**
   * A piece of a citation: {@code kind} "text", "code" (an indicator code), "url" (a link),
   * "publisher", "title" or "date" (of an original source); {@code lang} the language its text
   * is in when it is not the page's, else null.
   */
  public record Part(String kind, String text, String lang) {

    static Part text(String text) {
      return new Part("text", text, null);
    }
  }

  /** A line of a figure's citation as its page shows it, marked with its language if need be. */
  public record Line(String text, String lang) {
  }

  /** Publishers an indicator view's citation names before it says how many more there are. */
  public static final int MAX_PUBLISHERS = 10;

  private CitationText() {
  }

  /** The plain-text style of the citation's language: author–date, or GB/T 7714 in Chinese. */
  public static CitationFormat style(Citation c) {
    return c.lang() == Lang.ZH ? CitationFormat.GB_T_7714 : CitationFormat.AUTHOR_DATE;
  }

  /**
   * A figure's "How to cite", as its plain-text citation file writes it, a line per reference:
   * the dataset's, then (in GB/T 7714) each original source's, marked {@code originalLang}
   * where that is not the page's language.
   */
  public static List<Line> lines(Citation c, String originalLang) {
    String text = style(c).write(c).strip();
    List<Line> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      boolean original = !lines.isEmpty();
      lines.add(new Line(line, original && originalLang != null
          && !originalLang.equals(c.lang().htmlLang()) ? originalLang : null));
    }
    return lines;
  }

  /**
   * An indicator view's "How to cite": AI Industry Monitor, "AI core industry scale"
   * (ai_core_industry_scale; China (mainland), from 2024), data version 3, accessed 2026-11-29,
   * https://…; figures from A; B. — 人工智能产业监测，“人工智能核心产业规模”（ai_core_industry_scale；
   * 中国（大陆），2024年起），数据版本3，访问于2026年11月29日，https://…；数据来自A；B。
   *
   * @param code       the indicator's code
   * @param scope      the view's places and years in words, or null for all of them
   * @param vintage    the view's vintage in words as the citation names it ("; as it stood at the
   *                   end of 2026-12-01"), or null for today's data
   * @param publishers every publisher the view's figures come from, in citation order
   * @param publisherLang the language the publishers' names are in
   */
  public static List<Part> view(Citation c, String code, String scope, String vintage,
      List<String> publishers, String publisherLang) {
    Text t = Text.of(c.lang());
    List<String> named = publishers.subList(0, Math.min(publishers.size(), MAX_PUBLISHERS));
    List<Part> parts = new ArrayList<>();
    parts.add(Part.text(t.t("indicator.cite.start", c.dataset(), c.title())));
    parts.add(new Part("code", code, null));
    if (scope != null) {
      parts.add(Part.text(t.t("indicator.cite.filter", scope)));
    }
    if (vintage != null) {
      parts.add(Part.text(vintage));
    }
    // English keeps the ISO date a citation manager reads; Chinese writes 2026年11月29日.
    String accessed = c.lang() == Lang.EN ? c.accessed().toString() : t.date(c.accessed());
    parts.add(Part.text(t.t("indicator.cite.version", c.version(), accessed)));
    parts.add(new Part("url", c.url(), null));
    if (!named.isEmpty()) {
      parts.add(Part.text(t.t("indicator.cite.publishers")));
      for (int i = 0; i < named.size(); i++) {
        if (i > 0) {
          parts.add(Part.text(t.t("indicator.cite.publisher-separator")));
        }
        parts.add(new Part("publisher", named.get(i),
            publisherLang.equals(c.lang().htmlLang()) ? null : publisherLang));
      }
      if (publishers.size() > named.size()) {
        parts.add(Part.text(t.t("indicator.cite.more-publishers", t.count(publishers.size() - named.size()))));
      }
    }
    parts.add(Part.text(t.t("sentence.end")));
    return parts;
  }

  /** The parts as one line of text. */
  public static String plain(List<Part> parts) {
    StringBuilder b = new StringBuilder();
    parts.forEach(p -> b.append(p.text()));
    return b.toString();
  }

  /**
   * A workbook's view (an indicator's figures, a place's, a ranking): AI Industry Monitor,
   * "AI core industry scale" (all years), data version 3, accessed 7 Dec 2026, https://….
   */
  public static String workbookView(Citation c, String scope) {
    Text t = Text.of(c.lang());
    return t.t("workbook.cite.view", c.title(), scope, c.version(), t.date(c.accessed()), c.url());
  }

  /**
   * The whole dataset (/data, the dataset workbook): AI Industry Monitor, dataset, data version 3,
   * accessed 2026-12-07, https://…/data.
   */
  public static String dataset(Citation c) {
    Text t = Text.of(c.lang());
    return t.t("data.citation", c.version(),
        c.lang() == Lang.ZH ? t.date(c.accessed()) : c.accessed().toString(), c.url());
  }

  /**
   * An original source as the numbered notes under a page (and the printed summary) cite it:
   * Xinhua, “Title”, 1 Oct 2025. — the publisher's name in {@code publisherLang}, the title in
   * {@code titleLang}, its date as {@code t} writes a source's, its link after.
   */
  public static List<Part> source(Citation.Original o, String date, String publisherLang,
      String titleLang, Text t) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("publisher", o.publisher(), publisherLang));
    parts.add(Part.text(t.t("list.separator") + t.t("quote.open")));
    parts.add(new Part("title", o.title(), titleLang));
    parts.add(Part.text(t.t("quote.close") + t.t("list.separator")));
    parts.add(new Part("date", date, null));
    parts.add(Part.text(t.t("sentence.end") + " "));
    parts.add(new Part("url", o.url(), null));
    return parts;
  }
}
