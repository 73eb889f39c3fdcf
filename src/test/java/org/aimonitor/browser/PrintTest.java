package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aimonitor.TestApp;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.dashboard.DashboardView;
import org.aimonitor.dashboard.DashboardView.TimelineEntry;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.summary.SummaryView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Printing from Chromium: charts are redrawn for paper (printed size, print resolution, no
 * animation) and restored afterwards; the summary prints on at most two A4 pages with its figures,
 * sources and footer and without screen controls; the overview prints without blank pages or cut
 * charts. The PDFs and their pages as PNGs are kept in {@code target/print/}.
 */
class PrintTest {

  static final Path OUT = Path.of("target", "print");
  static final Pattern FOOTER = Pattern.compile(
      "AI Industry Monitor · printed \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
  /** The footer of Chinese pages: the site's Chinese name, then the print date charts.js stamps. */
  static final Pattern FOOTER_ZH = Pattern.compile(
      "人工智能产业监测 · .*\\d{4}.*\\d{2}:\\d{2}");

  static Pattern footer(Lang lang) {
    return lang == Lang.ZH ? FOOTER_ZH : FOOTER;
  }

  /** The page number in the footer: "Page 1 of 2", "第1页，共2页". */
  static String pageNumber(Lang lang, int page, int pages) {
    return lang == Lang.ZH ? "第" + page + "页，共" + pages + "页" : "Page " + page + " of " + pages;
  }

  static final Pattern PAGE_NUMBER = Pattern.compile("Page \\d+ of \\d+|第\\d+页，共\\d+页");

  /**
   * Chart text drawn at the printed size comes out at charts.js's print font size, 10 CSS px =
   * 7.5 pt; a chart drawn for another size and scaled into its box has smaller or larger text.
   */
  static final float CHART_TEXT_PT = 7.5f;

  @RegisterExtension
  static final BrowserSession session = new BrowserSession();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  /** Every chart is at its box's size, at the wanted resolution, and fully drawn (not mid-animation). */
  static final String CHARTS_FIT_BOXES = """
      var minRatio = arguments[0], problems = [];
      document.querySelectorAll('script.chart-spec').forEach(function (el) {
        var id = JSON.parse(el.textContent).id, c = Chart.getChart(id);
        var box = c.canvas.parentNode.getBoundingClientRect();
        if (Math.abs(c.width - box.width) > 1 || Math.abs(c.height - box.height) > 1) {
          problems.push(id + ': chart ' + c.width + 'x' + c.height + ' in a ' + box.width + 'x' + box.height + ' box');
        }
        if (c.currentDevicePixelRatio < minRatio || c.canvas.width < Math.floor(c.width * minRatio)) {
          problems.push(id + ': drawn at ' + c.currentDevicePixelRatio + 'x, ' + c.canvas.width + ' px for ' + c.width);
        }
        if (Chart.animator.running(c)) { problems.push(id + ': still animating'); }
        c.data.datasets.forEach(function (ds, s) {
          var meta = c.getDatasetMeta(s), scale = c.scales[meta.yAxisID];
          meta.data.forEach(function (element, p) {
            var y = scale.getPixelForValue(meta.controller.getParsed(p).y);
            if (Math.abs(element.y - y) > 0.5) {
              problems.push(id + ' ' + ds.label + ' #' + p + ': drawn at y ' + element.y + ', belongs at ' + y);
            }
          });
        });
      });
      return problems;
      """;

  /** Whether every chart is drawn at {@code ratio} (a JavaScript expression) device pixels per pixel. */
  private static String chartsAtRatio(String ratio) {
    return """
        return Array.prototype.every.call(document.querySelectorAll('script.chart-spec'), function (el) {
          var c = Chart.getChart(JSON.parse(el.textContent).id);
          return !!c && c.currentDevicePixelRatio === %s;
        });""".formatted(ratio);
  }

  @Test
  void chartsAreRedrawnWholeAtTheirPrintedSizeForPrintAndRestoredAfter() {
    browser.viewport(1280, 900);
    // Straight into print once charts.js has set the page up (it adds the table toggles first):
    // charts in view may still be animating in, those further down are not drawn yet (charts.js
    // draws them as they come into view).
    browser.driver().get(app.url("/summary?lang=en"));
    browser.waitFor("return typeof Chart !== 'undefined' && document.readyState === 'complete'"
        + " && document.querySelector('.chart__toggle') !== null;");
    browser.emulateMedia("print");
    try {
      browser.waitFor(chartsAtRatio("2"));
      assertEquals(List.of(), browser.js(CHARTS_FIT_BOXES, 2), "charts prepared for print");
      assertEquals(List.of(), browser.js(PageChecks.CHARTS_MATCH_TABLES), "charts drawn for print");
      assertEquals(List.of("none", "none", "none"), browser.js("""
          return ['.site-nav', '[data-print]', '.chart__toggle'].map(function (s) {
            return getComputedStyle(document.querySelector(s)).display; });"""),
          "navigation, Print button and table toggles are screen-only");
      assertTrue(String.valueOf(browser.js("return getComputedStyle(document.documentElement)"
          + ".getPropertyValue('--aim-print-footer');")).contains("printed"),
          "the print date for the page footer is set");
    } finally {
      browser.emulateMedia(null);
    }
    browser.waitFor(chartsAtRatio("window.devicePixelRatio"));
    assertEquals(List.of(), browser.js(CHARTS_FIT_BOXES, 1), "charts back on screen");
    assertEquals(List.of(), browser.js("""
        var problems = Chart.defaults.font.size === 12 ? [] : ['chart text ' + Chart.defaults.font.size + ' px'];
        Object.values(Chart.instances).forEach(function (c) {
          if (c.scales.x.options.ticks.color === '#000') { problems.push(c.canvas.id + ': axis labels in print ink'); }
        });
        return problems;"""), "chart text back to screen style");
  }

  /** The summary's page count in English, which the Chinese summary must match. */
  static final Map<Lang, Integer> SUMMARY_PAGES = new EnumMap<>(Lang.class);

  /**
   * The summary prints on at most two A4 pages in both languages, the Chinese one on as many as
   * the English (run in enum order, English first), with CJK text in the PDF (so it rendered in
   * a font that has it), the figures in the language's units, the sources, the page footer and
   * no screen controls.
   */
  @ParameterizedTest
  @EnumSource(Lang.class)
  void summaryPrintsOnAtMostTwoA4PagesWithItsFiguresAndSourcesAndNoControls(Lang lang) {
    Text t = Text.of(lang);
    SummaryView view = SummaryView.build(org.aimonitor.TestData.everything(app.db()), ZonedDateTime.now(), t);
    PrintedPdf pdf = print("/summary?lang=" + lang.code(), lang == Lang.EN ? "summary.pdf" : "summary-" + lang.code() + ".pdf");

    assertTrue(pdf.pages() >= 1 && pdf.pages() <= 2, "summary printed on " + pdf.pages() + " pages");
    SUMMARY_PAGES.put(lang, pdf.pages());
    if (lang != Lang.EN && SUMMARY_PAGES.containsKey(Lang.EN)) {
      assertEquals(SUMMARY_PAGES.get(Lang.EN), pdf.pages(), "as many pages as the English summary");
    }
    for (var size : pdf.sizes) {
      assertEquals(595, size.getWidth(), 1.5, "A4 width in points");
      assertEquals(842, size.getHeight(), 1.5, "A4 height in points");
    }
    String text = pdf.flatText();
    // Chinese lines break between any two characters, so Chinese is matched without white space.
    String joined = pdf.joinedText();
    if (lang == Lang.EN) {
      assertTrue(text.contains("> ¥1,200 billion") && text.contains("+54 %"), "headline figures printed");
    } else {
      assertTrue(joined.contains("超过1.2万亿元") && joined.contains("+54%") && joined.contains("超过6200家"),
          "headline figures printed in Chinese units");
      assertTrue(joined.contains("中国人工智能产业摘要") && joined.contains("政策里程碑"), "Chinese headings printed");
      long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
      assertTrue(han > 800, "CJK characters extracted from the PDF: " + han);
    }
    for (SummaryView.KeyFigure f : view.keyFigures()) {
      assertTrue(joined.contains(f.measure().replaceAll("\\s+", "")) && joined.contains(f.value().replaceAll("\\s+", "")),
          "key figure printed: " + f.measure() + " " + f.value());
    }
    for (SourceNotes.Note n : view.sources()) {
      assertTrue(joined.contains(n.source().publisher().replaceAll("\\s+", "")),
          "publisher printed: " + n.source().publisher());
      assertTrue(joined.contains(n.source().url().replaceAll("\\s+", "")),
          "full URL printed: " + n.source().url());
    }
    for (String note : view.dataNotes()) {
      assertTrue(lang == Lang.EN ? text.contains(note) : joined.contains(note.replaceAll("\\s+", "")),
          "note on the data printed: " + note);
    }
    for (TimelineEntry m : view.milestones()) {
      assertTrue(joined.contains(m.title().replaceAll("\\s+", "")), "milestone printed: " + m.title());
    }
    String body = withoutFooters(pdf.text(), lang);
    for (String control : List.of(t.t("chart.show-table"), t.t("chart.hide-table"), t.t("site.skip"),
        t.t("nav.overview") + t.t("nav.summary"), t.t("summary.print"))) {
      assertFalse(body.replaceAll("\\s+", "").contains(control.replaceAll("\\s+", "")),
          "screen-only text printed: " + control);
    }
    assertTrue(pdf.line(lang.other().nativeName()).isEmpty(), "the language switch printed");
    if (lang == Lang.EN) {
      assertFalse(text.contains("Overview"), "the navigation printed");
      assertFalse(Pattern.compile("\\bPrint\\b").matcher(text).find(), "the Print button printed");
    }
    for (int i = 0; i < pdf.pages(); i++) {
      String page = pdf.pageTexts.get(i);
      assertTrue(footer(lang).matcher(page).find(), "page " + (i + 1) + " footer with the print date: " + page);
      assertTrue(page.contains(pageNumber(lang, i + 1, pdf.pages())), "page " + (i + 1) + " number");
    }
    assertChartsPrintedWhole(pdf, view.charts(), t);
  }

  /** The text without the page footers, which may repeat words of the page. */
  private static String withoutFooters(String text, Lang lang) {
    return PAGE_NUMBER.matcher(footer(lang).matcher(text).replaceAll("")).replaceAll("");
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void overviewPrintsWithoutBlankPagesOrCutCharts(Lang lang) {
    Text t = Text.of(lang);
    DashboardView view = DashboardView.build(org.aimonitor.TestData.everything(app.db()), 28, t);
    PrintedPdf pdf = print("/?lang=" + lang.code(), lang == Lang.EN ? "overview.pdf" : "overview-" + lang.code() + ".pdf");

    for (int i = 0; i < pdf.pages(); i++) {
      String body = withoutFooters(pdf.pageTexts.get(i), lang).strip();
      // A page of Chinese says as much in fewer characters.
      assertTrue(body.length() > (lang == Lang.EN ? 200 : 100),
          "page " + (i + 1) + " of the overview is (nearly) blank");
    }
    assertFalse(pdf.joinedText().contains(t.t("chart.show-table").replaceAll("\\s+", "")), "table toggles printed");
    assertChartsPrintedWhole(pdf, view.charts(), t);
  }

  private PrintedPdf print(String path, String file) {
    browser.viewport(1280, 900);
    browser.open(app.url(path));
    return PrintedPdf.read(browser.printToPdf(), OUT.resolve(file));
  }

  /**
   * Charts are drawn into the PDF while printing, so their own text is in it. The x-axis title
   * at the print font size shows the chart was drawn for its printed box; it and every legend entry (the bottom of the drawing; the legend is centred, so a cut right edge
   * loses entries too) show the chart was not cut off. (Rotated y-axis titles are not checked:
   * PDFBox does not extract rotated text reliably.) The rendered page has each series' colour
   * where the chart is.
   */
  private static void assertChartsPrintedWhole(PrintedPdf pdf, List<ChartView> charts, Text t) {
    String text = pdf.flatText();
    List<String> problems = new ArrayList<>();
    for (ChartView chart : charts) {
      ChartSpec spec = chart.spec();
      var area = pdf.chartArea(spec.title(), t.t("chart.sources").strip());
      if (area.isEmpty()) {
        problems.add(spec.title() + ": title or sources line not found in the PDF");
        continue;
      }
      List<PrintedPdf.Line> axisTitle = pdf.linesIn(area.get()).stream()
          .filter(l -> l.text().equals(spec.x().title())).toList();
      if (axisTitle.size() != 1) {
        problems.add(spec.title() + ": x-axis title \"" + spec.x().title() + "\" found "
            + axisTitle.size() + " times in " + area.get());
      } else if (Math.abs(axisTitle.get(0).size() - CHART_TEXT_PT) > 0.3) {
        problems.add(spec.title() + ": chart text printed at " + axisTitle.get(0).size()
            + " pt, so the chart was drawn for another size and scaled");
      }
      for (ChartSpec.Series s : spec.series()) {
        if (!text.contains(s.label())) {
          problems.add(spec.title() + ": legend entry \"" + s.label() + "\" missing");
        }
        if (!s.points().isEmpty() && !s.color().equals(Palette.GREY)
            && pdf.pixelsOfColour(area.get(), s.color()) < 20) {
          problems.add(spec.title() + ": no " + s.color() + " pixels for \"" + s.label() + "\" in " + area.get());
        }
      }
    }
    assertEquals(List.of(), problems, "printed charts");
  }
}
