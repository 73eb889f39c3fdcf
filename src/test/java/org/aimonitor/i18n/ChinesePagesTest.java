package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aimonitor.AppExtension;
import org.aimonitor.a11y.AdminPages;
import org.aimonitor.a11y.CheckedPages;
import org.aimonitor.store.ViewRows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page kind in Chinese is Chinese: {@code <html lang="zh-CN">}, and no English words in
 * its text or its readable attributes, except inside elements marked {@code lang="en"} (data
 * the dataset has only in English, such as source notes, and any note or event description
 * without a Chinese text yet), names the
 * languages share (CAICT, IDC, EFLOPS, PNG …), codes and URLs. This is what catches a string
 * left hard-coded in a template or a view model.
 */
class ChinesePagesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.own().adminToken(AdminPages.TOKEN);

  /** Latin words allowed in Chinese text: names of organisations, products and formats. */
  private static final Set<String> SHARED_NAMES = Set.of(
      "AI", "PC", "PCs", "PNG", "CSV", "JSON", "BibTeX", "RIS", "EndNote", "CSL", "Zotero", "Pandoc", "Excel",
      // Values of a URL parameter, quoted as written in an error message.
      "indicators", "places", "figures", "sources", "events",
      // A source title's own mark that the page is a reprint, as the dataset records it.
      "reprint", "press-conference", "press", "conference", "transcript", "Atom", "API", "URL", "SQLite", "EFLOPS", "L2", "CAICT", "MIIT",
      "IDC", "Canalys", "KPMG", "ZGC", "CNNIC", "iiMedia", "HTTP", "UTF", "Xinhua", "Chart.js",
      "Bearer", "CSRF", "NPC");

  /** A word of three or more Latin letters that is not an all-capitals acronym. */
  private static final Pattern WORD = Pattern.compile("(?<![\\w./:_-])[A-Za-z][a-z]{2,}[A-Za-z]*(?![\\w_/-]|\\.\\w)");

  /** Attributes a person reads or hears. */
  private static final List<String> READ_ATTRIBUTES = List.of("title", "aria-label", "alt",
      "placeholder", "content", "value");

  /** The dataset's own Chinese texts: they may quote an English term, and are not ours to translate. */
  static Set<String> datasetChinese = Set.of();

  @BeforeAll
  static void start() {
    ViewRows data = org.aimonitor.TestData.everything(app.db());
    Set<String> texts = new java.util.HashSet<>();
    data.indicators().values().forEach(i -> {
      texts.add(i.nameZh());
      texts.add(i.definitionZh());
    });
    data.events().forEach(e -> {
      texts.add(e.titleZh());
      texts.add(e.descriptionZh());
    });
    // A figure's Chinese note names sources and quotes as the English note does (Reportify, FP16 …).
    data.observations().forEach(o -> texts.add(o.noteZh()));
    // Source titles are the pages' own headlines, some with a note in English on what the page is.
    data.sources().values().forEach(s -> texts.add(s.title()));
    datasetChinese = texts;
  }

  static Stream<CheckedPages.Page> pages() {
    return CheckedPages.kinds();
  }

  static String inChinese(String path) {
    return path + (path.contains("?") ? "&" : "?") + "lang=zh";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void pageInChineseSaysItInChinese(CheckedPages.Page page) {
    var r = app.get(inChinese(page.path()));
    Document doc = Jsoup.parse(r.body());
    List<String> english = englishOutsideLangEn(doc);
    assertAll(
        () -> assertEquals(page.status(), r.statusCode()),
        () -> assertEquals("zh-CN", doc.selectFirst("html").attr("lang")),
        () -> assertTrue(doc.title().contains("人工智能产业监测"), doc.title()),
        () -> assertEquals(List.of(), english, "English left on " + inChinese(page.path())));
  }

  /** The staff pages, every state from sign-in to the import log, asked for in Chinese. */
  @org.junit.jupiter.api.Test
  void staffPagesInChineseSayItInChinese() {
    List<AdminPages.Fetched> pages = AdminPages.fetchAll(app.app(), "zh-CN");
    assertEquals(7, pages.size());
    for (AdminPages.Fetched page : pages) {
      Document doc = Jsoup.parse(page.html());
      assertAll(page.name(),
          () -> assertEquals("zh-CN", doc.selectFirst("html").attr("lang")),
          () -> assertEquals(List.of(), englishOutsideLangEn(doc), "English left on " + page.name()));
    }
  }

  /** Text and readable attributes with English words, outside lang="en" (or other) elements. */
  static List<String> englishOutsideLangEn(Document doc) {
    Set<String> found = new LinkedHashSet<>();
    for (Element e : doc.getAllElements()) {
      if (skipped(e)) {
        continue;
      }
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode text) {
          check(text.text(), e, found);
        }
      }
      for (Attribute a : e.attributes()) {
        if (READ_ATTRIBUTES.contains(a.getKey())
            && !(e.tagName().equals("meta") && !e.attr("name").equals("description"))
            && !(a.getKey().equals("value") && !e.tagName().equals("button") && !e.attr("type").equals("submit"))) {
          check(a.getValue(), e, found);
        }
      }
    }
    return new ArrayList<>(found);
  }

  private static boolean skipped(Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      String tag = x.tagName();
      if (tag.equals("script") || tag.equals("style") || tag.equals("code") || tag.equals("pre")
          || x.hasClass("code") || x.hasClass("source__url") || x.hasClass("citation__url")) {
        return true;
      }
      if (x.hasAttr("lang")) {
        return !x.attr("lang").startsWith("zh");
      }
    }
    return false;
  }

  private static void check(String text, Element where, Set<String> found) {
    if (datasetChinese.contains(text.strip())) {
      return;
    }
    // URLs, and what a Chinese sentence quotes in “…” (a refused value, a name) are not ours to translate.
    String cleaned = text.replaceAll("https?://\\S+", " ").replaceAll("“[^”]*”", " ");
    Matcher m = WORD.matcher(cleaned);
    while (m.find()) {
      String word = m.group();
      if (!SHARED_NAMES.contains(word)) {
        found.add("<" + where.tagName() + (where.className().isEmpty() ? "" : "." + where.className().split(" ")[0])
            + "> " + word + " in \"" + abbreviate(text.strip()) + "\"");
        return;
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }
}
