package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.TestApp;
import org.aimonitor.a11y.AdminPages;
import org.aimonitor.a11y.Contrast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The site by keyboard and under the reader's settings, in Debian's Chromium: Tab reaches the
 * skip link first, then the navigation, then every control of the page, each with a visible
 * focus outline; the chart/table toggles work with Enter and Space; charts do not animate when
 * reduced motion is asked for; the dark scheme draws charts in light ink and its own series
 * colours, follows a change of setting without a reload, and never reaches paper.
 */
class KeyboardAndPreferencesTest {

  static final Map<String, String> DARK = Map.of("prefers-color-scheme", "dark");
  static final Map<String, String> REDUCED_MOTION = Map.of("prefers-reduced-motion", "reduce");
  static final List<String> NAV = List.of("Overview", "Summary", "Indicators", "Places", "Sources", "Timeline",
      "Data", "Updates");
  static final List<String> NAV_ZH = List.of("概览", "摘要", "指标", "地区", "来源", "大事记", "数据", "更新");

  /**
   * Marks every control a keyboard user must be able to reach (shown, not disabled, not taken
   * out of the tab order) with {@code data-kb}, and returns their descriptions.
   */
  static final String MARK_CONTROLS = """
      var controls = [];
      document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')
        .forEach(function (el) {
          if (el.tabIndex < 0 || el.disabled || el.type === 'hidden' || el.closest('[hidden]')
              || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') { return; }
          el.setAttribute('data-kb', String(controls.length));
          controls.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"');
        });
      return controls;
      """;

  /** The focused element: its mark, text, class, toggle state and whether its outline shows. */
  static final String FOCUSED = """
      var el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) { return null; }
      var cs = getComputedStyle(el);
      return {
        kb: el.getAttribute('data-kb') || '',
        tag: el.tagName.toLowerCase(),
        id: el.id || '',
        cls: typeof el.className === 'string' ? el.className : '',
        text: (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50),
        controls: el.getAttribute('aria-controls') || '',
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
        onScreen: el.getBoundingClientRect().bottom > 0
      };
      """;

  /**
   * For every chart: its resolved axis, title and legend text colours, the background of its
   * card, and whether each series' points or bars are drawn in the spec's light or dark colour
   * (the options Chart.js drew the elements with, not the ones asked for). Colours come back
   * normalised by a canvas context, so hex and rgb() forms compare equal.
   */
  static final String CHART_COLOURS = """
      var norm = document.createElement('canvas').getContext('2d');
      function hex(c) { norm.fillStyle = '#000'; norm.fillStyle = c; return norm.fillStyle; }
      var out = [];
      document.querySelectorAll('script.chart-spec').forEach(function (el) {
        var spec = JSON.parse(el.textContent), chart = Chart.getChart(spec.id);
        var o = chart.options;
        function drawnIn(key) {
          // A chart without series would pass every(): it counts as not drawn.
          return spec.series.length > 0 && spec.series.every(function (s, i) {
            var elements = chart.getDatasetMeta(i).data;
            return elements.length === 0 || hex(elements[0].options.borderColor) === hex(s[key]);
          });
        }
        out.push({
          id: spec.id,
          card: hex(getComputedStyle(chart.canvas.closest('figure')).backgroundColor),
          ticks: hex(chart.scales.x.options.ticks.color),
          title: hex(chart.scales.x.options.title.color),
          legend: hex(o.plugins.legend.labels.color),
          light: drawnIn('color'),
          dark: drawnIn('darkColor'),
          animation: o.animation !== false
        });
      });
      return out;
      """;

  @RegisterExtension
  static final BrowserSession session = BrowserSession.withAdminToken(AdminPages.TOKEN);
  final TestApp app = session.app();
  final Browser browser = session.browser();

  private void open(String path) {
    browser.viewport(PageChecks.DESKTOP, 900);
    browser.open(app.url(path));
  }

  private void press(CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> focused() {
    return (Map<String, Object>) browser.js(FOCUSED);
  }

  @SuppressWarnings("unchecked")
  private List<String> markControls() {
    return (List<String>) browser.js(MARK_CONTROLS);
  }

  /**
   * Tabs from the top of the page until focus leaves it or comes round again; returns what was
   * focused, in order. Controls must have been marked.
   */
  private List<Map<String, Object>> tabThrough(int controls) {
    List<Map<String, Object>> walk = new ArrayList<>();
    for (int i = 0; i < controls + 20; i++) {
      press(Keys.TAB);
      Map<String, Object> f = focused();
      if (f == null || (!walk.isEmpty() && f.get("kb").equals(walk.get(0).get("kb")))) {
        break;
      }
      walk.add(f);
    }
    return walk;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/summary", "/indicators/ai_core_industry_scale", "/admin/import",
      "/admin/imports", "/?lang=zh", "/indicators/ai_core_industry_scale?lang=zh"})
  void tabReachesSkipLinkThenNavigationThenEveryControlWithVisibleFocus(String path) {
    if (path.startsWith("/admin")) {
      browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
      open("/admin/login");
      browser.driver().findElement(By.name("token")).sendKeys(AdminPages.TOKEN, Keys.ENTER);
      browser.waitFor("return location.pathname === '/admin/import' && document.readyState === 'complete';");
    }
    open(path);
    List<String> controls = markControls();
    List<Map<String, Object>> walk = tabThrough(controls.size());

    // The skip link and the brand by class, the navigation links by their text.
    List<String> order = walk.stream().limit(2 + NAV.size())
        .map(f -> ((String) f.get("cls")).isEmpty() ? (String) f.get("text") : (String) f.get("cls"))
        .toList();
    List<String> expectedOrder = new ArrayList<>(List.of("skip-link", "brand"));
    expectedOrder.addAll(path.endsWith("lang=zh") ? NAV_ZH : NAV);
    Set<String> reached = new HashSet<>();
    walk.forEach(f -> reached.add((String) f.get("kb")));
    List<String> unreached = new ArrayList<>();
    for (int i = 0; i < controls.size(); i++) {
      if (!reached.contains(String.valueOf(i))) {
        unreached.add(controls.get(i));
      }
    }
    List<String> noOutline = walk.stream()
        .filter(f -> !Boolean.TRUE.equals(f.get("outline")) || !Boolean.TRUE.equals(f.get("onScreen")))
        .map(f -> f.get("tag") + "." + f.get("cls") + " \"" + f.get("text") + "\"")
        .toList();
    assertAll(
        () -> assertEquals(expectedOrder, order, "first stops of the Tab key on " + path),
        () -> assertEquals(List.of(), unreached, "controls Tab never reached on " + path),
        () -> assertEquals(List.of(), noOutline, "focused without a visible outline on " + path));
  }

  @Test
  void tabReachesEveryChartTableToggleOnTheOverview() {
    open("/");
    long toggles = (Long) browser.js(
        "return document.querySelectorAll('button.chart__toggle[aria-controls]').length;");
    List<Map<String, Object>> walk = tabThrough(markControls().size());
    long reached = walk.stream().filter(f -> f.get("tag").equals("button")
        && !((String) f.get("controls")).isEmpty()).count();
    assertEquals(4, toggles, "one table toggle per overview chart");
    assertEquals(toggles, reached, "table toggles reached by Tab");
  }

  @Test
  void enterAndSpaceOnAChartTableToggleOpenAndCloseItsTable() {
    open("/");
    Map<String, Object> f = null;
    for (int i = 0; i < 200; i++) {
      press(Keys.TAB);
      f = focused();
      if (f != null && !((String) f.get("controls")).isEmpty()) {
        break;
      }
    }
    assertTrue(f != null && !((String) f.get("controls")).isEmpty(), "no table toggle reached by Tab");
    String table = (String) f.get("controls");
    String state = """
        var b = document.activeElement, t = document.getElementById(arguments[0]);
        return b.getAttribute('aria-expanded') + ' ' + (!t.hidden && t.offsetHeight > 0) + ' ' + b.textContent;
        """;
    assertEquals("false false Show data table", browser.js(state, table), "before");
    press(Keys.ENTER);
    assertEquals("true true Hide data table", browser.js(state, table), "after Enter");
    press(Keys.SPACE);
    assertEquals("false false Show data table", browser.js(state, table), "after Space");
    press(Keys.SPACE);
    assertEquals("true true Hide data table", browser.js(state, table), "after Space again");
  }

  @Test
  void skipLinkShowsWhenFocusedAndMovesFocusToTheMainContent() {
    open("/");
    press(Keys.TAB);
    Map<String, Object> skip = focused();
    assertEquals("skip-link", skip.get("cls"));
    assertEquals(Boolean.TRUE, browser.js(
        "var r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0;"),
        "the focused skip link is on screen");
    press(Keys.ENTER);
    browser.waitFor("return document.activeElement === document.getElementById('main');");
    press(Keys.TAB);
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('main').contains(document.activeElement);"),
        "the next Tab stays in the main content");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> chartColours() {
    List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.js(CHART_COLOURS);
    // Checks over every chart hold on a page with none: it must have one per chart spec.
    assertEquals(browser.js("return document.querySelectorAll('canvas').length;"), (long) charts.size(),
        "a canvas per chart");
    assertFalse(charts.isEmpty(), "the page has charts");
    return charts;
  }

  @Test
  void chartsAnimateUnlessReducedMotionIsAskedFor() {
    open("/");
    List<Object> animated = chartColours().stream().map(c -> c.get("animation")).toList();
    browser.emulateMedia(null, REDUCED_MOTION);
    open("/");
    List<Object> reduced = chartColours().stream().map(c -> c.get("animation")).toList();
    assertAll(
        () -> assertEquals(List.of(true, true, true, true), animated, "animation without the setting"),
        () -> assertEquals(List.of(false, false, false, false), reduced, "animation with reduced motion"));
  }

  @Test
  void turningReducedMotionOnWhileThePageIsOpenStopsChartAnimation() {
    open("/summary");
    // every() over no canvases is true: the summary must have a canvas for each of its charts.
    long charts = (Long) browser.js("return document.querySelectorAll('script.chart-spec').length;");
    assertTrue(charts > 0, "the summary has charts");
    assertEquals(charts, browser.js("return document.querySelectorAll('canvas').length;"),
        "a canvas per chart");
    browser.emulateMedia(null, REDUCED_MOTION);
    browser.waitFor("""
        var canvases = document.querySelectorAll('canvas');
        return canvases.length > 0 && Array.prototype.every.call(canvases, function (c) {
          return Chart.getChart(c).options.animation === false;
        });
        """);
  }

  @Test
  void darkSchemeDrawsChartTextInLightInkAndSeriesInTheirDarkColours() {
    browser.emulateMedia(null, DARK);
    open("/");
    List<Map<String, Object>> charts = chartColours();
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> c : charts) {
      String card = (String) c.get("card");
      if (Contrast.luminance(card) > 0.05) {
        problems.add(c.get("id") + ": card " + card + " is not dark");
      }
      for (String part : List.of("ticks", "title", "legend")) {
        String ink = (String) c.get(part);
        if (Contrast.ratio(ink, card) < 4.5 || Contrast.luminance(ink) < 0.3) {
          problems.add(c.get("id") + ": " + part + " " + ink + " on " + card + " ("
              + String.format("%.2f", Contrast.ratio(ink, card)) + ":1)");
        }
      }
      if (!Boolean.TRUE.equals(c.get("dark"))) {
        problems.add(c.get("id") + ": series not in their dark colours");
      }
    }
    assertEquals(4, charts.size());
    assertEquals(List.of(), problems);
  }

  @Test
  void chartsFollowAChangeOfColourSchemeWithoutAReload() {
    open("/");
    Map<String, Object> light = chartColours().get(0);
    browser.emulateMedia(null, DARK);
    browser.waitFor("""
        var c = Chart.getChart(document.querySelector('canvas'));
        return c.scales.x.options.ticks.color !== arguments[0];
        """.replace("arguments[0]", "'" + light.get("ticks") + "'"));
    Map<String, Object> dark = chartColours().get(0);
    assertAll(
        () -> assertEquals(Boolean.TRUE, light.get("light"), "light series first"),
        () -> assertTrue(Contrast.luminance((String) light.get("ticks")) < 0.2, "dark ink first"),
        () -> assertEquals(Boolean.TRUE, dark.get("dark"), "dark series after the change"),
        () -> assertTrue(Contrast.luminance((String) dark.get("ticks")) > 0.3, "light ink after the change"));
  }

  /** Pixels of {@code png} within a small distance of colour {@code hex}. */
  private static int pixelsOf(java.awt.image.BufferedImage png, String hex) {
    int want = Integer.parseInt(hex.substring(1), 16);
    int count = 0;
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        int p = png.getRGB(x, y);
        int d = Math.abs((p >> 16 & 255) - (want >> 16 & 255)) + Math.abs((p >> 8 & 255) - (want >> 8 & 255))
            + Math.abs((p & 255) - (want & 255));
        if (d < 30) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void chartPngFromTheDarkSchemeIsInTheLightColoursAndTheChartStaysDark() throws Exception {
    browser.emulateMedia(null, DARK);
    open("/");
    String dataUrl = (String) browser.js("return window.aimChartPng('chart-market-scale');");
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
        java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
    int light = pixelsOf(png, org.aimonitor.chart.Palette.BLUE);
    int dark = pixelsOf(png, org.aimonitor.chart.Palette.onDark(org.aimonitor.chart.Palette.BLUE));
    assertAll(
        () -> assertTrue(light > 200 && dark < 20, "bars in the light blue (" + light + " px), not the dark theme's ("
            + dark + " px)"),
        () -> assertEquals(Boolean.TRUE, chartColours().get(0).get("dark"), "the chart on the page stays dark"));
  }

  @Test
  void printingFromTheDarkSchemeIsLight() {
    browser.emulateMedia(null, DARK);
    open("/summary");
    browser.emulateMedia("print", DARK);
    browser.waitFor("""
        var c = Chart.getChart(document.querySelector('canvas'));
        return c.scales.x.options.ticks.color === '#000';
        """);
    String page = (String) browser.js("""
        var norm = document.createElement('canvas').getContext('2d');
        function hex(c) { norm.fillStyle = '#000'; norm.fillStyle = c; return norm.fillStyle; }
        var root = getComputedStyle(document.documentElement), body = getComputedStyle(document.body);
        var card = getComputedStyle(document.querySelector('.card'));
        return hex(root.backgroundColor) + ' ' + hex(card.backgroundColor) + ' ' + hex(body.color);
        """);
    List<Map<String, Object>> charts = chartColours();
    assertAll(
        () -> assertEquals("#ffffff #ffffff #000000", page, "page, card and text colours on paper"),
        () -> assertTrue(charts.stream().allMatch(c -> Boolean.TRUE.equals(c.get("light"))),
            "series in their light colours on paper: " + charts),
        () -> assertTrue(charts.stream().allMatch(c -> c.get("ticks").equals("#000000")),
            "chart text in black on paper: " + charts));
    browser.emulateMedia(null, DARK);
    browser.waitFor("""
        var c = Chart.getChart(document.querySelector('canvas'));
        return c.scales.x.options.ticks.color !== '#000';
        """);
    assertFalse(chartColours().stream().anyMatch(c -> !Boolean.TRUE.equals(c.get("dark"))),
        "back on screen the charts are dark again");
  }
}
