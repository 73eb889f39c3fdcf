package org.aimonitor.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aimonitor.chart.Palette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA contrast of the site's colours, computed from site.css's custom properties and
 * the chart palette, in the light and the dark theme: text at least 4.5:1 against the card
 * (--paper) and page (--wash) backgrounds, focus outlines and chart series at least 3:1
 * (non-text contrast). axe checks the text of every page as rendered; this names the colour.
 */
class ColourContrastTest {

  static final Path CSS = Path.of("web", "static", "css", "site.css");
  static final double TEXT = 4.5;
  static final double NON_TEXT = 3.0;

  static Map<String, String> light;
  /** The dark block's own variables. */
  static Map<String, String> darkOnly;
  /** The dark theme as the browser sees it: light variables overridden by the dark block's. */
  static Map<String, String> dark;

  @BeforeAll
  static void readThemes() throws IOException {
    String css = Files.readString(CSS);
    light = variables(block(css, 0));
    // The dark theme's colours: the dark media block that opens with the :root rule (other dark
    // blocks only adjust single rules).
    Matcher theme = Pattern.compile("@media screen and \\(prefers-color-scheme: dark\\) \\{\\s*:root \\{").matcher(css);
    int media = theme.find() ? theme.start() : -1;
    if (media < 0) {
      throw new AssertionError("no dark theme (@media screen and (prefers-color-scheme: dark)) in " + CSS);
    }
    darkOnly = variables(block(css, media));
    dark = new LinkedHashMap<>(light);
    dark.putAll(darkOnly);
  }

  /** The declarations of the first {@code :root} rule at or after {@code from}. */
  private static String block(String css, int from) {
    int start = css.indexOf(":root {", from);
    return css.substring(start, css.indexOf('}', start));
  }

  private static Map<String, String> variables(String block) {
    Map<String, String> vars = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(--[a-z-]+):\\s*(#[0-9a-fA-F]{3,6})\\s*;").matcher(block);
    while (m.find()) {
      vars.put(m.group(1), m.group(2));
    }
    return vars;
  }

  private static void require(List<String> problems, String theme, Map<String, String> vars,
      String fg, String bg, double min) {
    double ratio = Contrast.ratio(vars.get(fg), vars.get(bg));
    if (ratio < min) {
      problems.add(String.format("%s: %s %s on %s %s is %.2f:1, needs %.1f:1",
          theme, fg, vars.get(fg), bg, vars.get(bg), ratio, min));
    }
  }

  /**
   * The dark scheme sets colours and nothing else (every declaration in every dark block is a
   * colour), which is why the browser tests run only axe's colour rules in it.
   */
  @Test
  void theDarkSchemeChangesColoursOnly() throws IOException {
    String css = Files.readString(CSS);
    Matcher media = Pattern.compile("@media[^{]*prefers-color-scheme: dark[^{]*\\{").matcher(css);
    Pattern colour = Pattern.compile("#[0-9a-fA-F]{3,8}|rgba?\\([^)]*\\)|var\\(--[a-z-]+\\)|dark|transparent");
    List<String> declarations = new ArrayList<>();
    List<String> notColours = new ArrayList<>();
    while (media.find()) {
      int depth = 1;
      int end = media.end();
      while (depth > 0) {
        char c = css.charAt(end++);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      // Selectors dropped (a:hover has a colon too), declarations kept.
      String body = css.substring(media.end(), end - 1).replaceAll("[^{};]*\\{", "{");
      Matcher d = Pattern.compile("([a-z-]+)\\s*:\\s*([^;}]*)").matcher(body);
      while (d.find()) {
        String property = d.group(1);
        String value = d.group(2).trim();
        declarations.add(property);
        boolean colourProperty = property.startsWith("--") || property.equals("color")
            || property.equals("background") || property.endsWith("-color") || property.equals("color-scheme");
        if (!colourProperty || !colour.matcher(value).matches()) {
          notColours.add(property + ": " + value);
        }
      }
    }
    // Over no dark block at all this would pass: the theme's own variables must be among them.
    assertTrue(declarations.containsAll(List.of("--ink", "--paper", "--accent", "color-scheme")), declarations::toString);
    assertEquals(List.of(), notColours, "the dark scheme may change colours only");
  }

  @Test
  void textColoursHaveAtLeast45To1OnCardsAndPageInBothThemes() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> theme : Map.of("light", light, "dark", dark).entrySet()) {
      for (String text : List.of("--ink", "--muted", "--accent")) {
        for (String background : List.of("--paper", "--wash")) {
          require(problems, theme.getKey(), theme.getValue(), text, background, TEXT);
        }
      }
      // Buttons and badges: --accent-ink text on an --accent fill.
      require(problems, theme.getKey(), theme.getValue(), "--accent-ink", "--accent", TEXT);
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void focusOutlineHasAtLeast3To1AgainstCardsAndPageInBothThemes() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> theme : Map.of("light", light, "dark", dark).entrySet()) {
      for (String background : List.of("--paper", "--wash")) {
        require(problems, theme.getKey(), theme.getValue(), "--focus", background, NON_TEXT);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everySeriesColourHasAtLeast3To1AgainstTheChartBackgroundInBothThemes() {
    List<String> problems = new ArrayList<>();
    for (String colour : Palette.all()) {
      double onLight = Contrast.ratio(colour, light.get("--paper"));
      double onDark = Contrast.ratio(Palette.onDark(colour), dark.get("--paper"));
      if (onLight < NON_TEXT) {
        problems.add(String.format("%s on %s: %.2f:1", colour, light.get("--paper"), onLight));
      }
      if (onDark < NON_TEXT) {
        problems.add(String.format("%s (dark for %s) on %s: %.2f:1", Palette.onDark(colour), colour,
            dark.get("--paper"), onDark));
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void darkThemeRedefinesEveryColourItUses() {
    List<String> same = new ArrayList<>();
    for (String name : List.of("--ink", "--muted", "--line", "--paper", "--wash", "--accent",
        "--accent-ink", "--focus")) {
      if (light.get(name) == null || darkOnly.get(name) == null
          || light.get(name).equalsIgnoreCase(darkOnly.get(name))) {
        same.add(name);
      }
    }
    assertEquals(List.of(), same, "colours the dark theme leaves as in the light one");
  }

  @Test
  void contrastRatiosMatchWcagReferenceValues() {
    assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 1e-9);
    assertEquals(1.0, Contrast.ratio("#777", "#777777"), 1e-9);
    // #767676 on white is the classic lightest grey that passes 4.5:1 (4.54:1).
    assertEquals(4.54, Contrast.ratio("#767676", "#ffffff"), 0.01);
  }
}
