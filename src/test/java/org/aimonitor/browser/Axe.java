package org.aimonitor.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core, the npm package's own {@code axe.min.js} (installed into
 * {@code target/test-tools/axe} by {@code .ci/install-test-deps}, never from a CDN), injected into
 * the page open in the browser and run with its default rules: WCAG 2.0, 2.1 and 2.2 A and AA
 * and axe's best practices.
 */
final class Axe {

  static final Path SCRIPT = Path.of("target", "test-tools", "axe", "node_modules", "axe-core",
      "axe.min.js");

  /**
   * Runs axe on the whole document and calls back with one line per violating element, starting
   * with its impact: rule, CSS selector, what is wrong and the rule's help page.
   */
  private static final String RUN = """
      var done = arguments[arguments.length - 1];
      var options = { resultTypes: ['violations'] };
      if (arguments.length > 1) { options.runOnly = { type: 'rule', values: arguments[0] }; }
      axe.run(document, options).then(function (results) {
        var lines = [];
        results.violations.forEach(function (v) {
          v.nodes.forEach(function (n) {
            lines.push(n.impact + ': ' + v.id + ' at ' + n.target.join(' ') + ': '
                + (n.failureSummary || v.help).replace(/\\s+/g, ' ') + ' [' + v.helpUrl + ']');
          });
        });
        done(lines);
      }, function (e) { done(['critical: axe failed: ' + e]); });
      """;

  private final String source;

  private Axe(String source) {
    this.source = source;
  }

  static Axe load() {
    try {
      return new Axe(Files.readString(SCRIPT));
    } catch (IOException e) {
      throw new AssertionError("axe-core is not installed at " + SCRIPT
          + ": run .ci/install-test-deps (mvn verify runs it before the tests)", e);
    }
  }

  /**
   * The serious and critical violations on the page open in {@code browser}, one line each;
   * moderate and minor ones are printed to the test output only.
   */
  List<String> seriousViolations(Browser browser) {
    return seriousViolations(browser, null);
  }

  /**
   * Has {@code browser} evaluate axe in every document it opens from now on (through CDP, like
   * the CSP listener), so axe's half a megabyte is not sent over WebDriver for every page.
   */
  void installIn(Browser browser) {
    browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        java.util.Map.of("source", source));
  }

  /**
   * The rules whose outcome depends on colours alone: what a colour scheme can change, since
   * the dark scheme's CSS sets colours and nothing else (checked by {@code ColourContrastTest}).
   */
  static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

  /** As {@link #seriousViolations(Browser)}, with {@link #COLOUR_RULES} only. */
  List<String> seriousColourViolations(Browser browser) {
    return seriousViolations(browser, COLOUR_RULES);
  }

  @SuppressWarnings("unchecked")
  private List<String> seriousViolations(Browser browser, List<String> rules) {
    if (!Boolean.TRUE.equals(browser.js("return typeof window.axe === 'object';"))) {
      browser.js(source);
    }
    List<String> all = (List<String>) (rules == null ? browser.driver().executeAsyncScript(RUN)
        : browser.driver().executeAsyncScript(RUN, rules));
    all.stream().filter(line -> !serious(line))
        .forEach(line -> System.out.println("axe on " + browser.driver().getCurrentUrl() + ": " + line));
    return all.stream().filter(Axe::serious).toList();
  }

  private static boolean serious(String line) {
    return line.startsWith("serious: ") || line.startsWith("critical: ");
  }
}
