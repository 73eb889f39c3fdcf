package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.aimonitor.a11y.CheckedPages;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The phone rule, in the real Chromium: on every page of every kind, in English and Chinese, at
 * 320, 375 and 1280 px, every table (the charts' data tables opened) fits the screen, so no
 * column is cut off or left in a sideways scroller; every cell that holds text is at least two
 * characters wide, so Chinese never stands one character a line (北/京/市); a short word
 * (公布值, "2024") is on one line; and where a table's header row is put away (rows read as
 * labelled blocks), every cell carries its column's name beside it.
 */
class TablesOnPhonesTest {

  static final List<Integer> WIDTHS = List.of(320, 375, 1280);

  @RegisterExtension
  static final BrowserSession session = new BrowserSession().reducedMotion();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  static Stream<Arguments> pagesAndWidths() {
    return Stream.concat(CheckedPages.kinds(), CheckedPages.kindsInChinese())
        .filter(p -> p.status() == 200)
        .flatMap(p -> WIDTHS.stream().map(w -> Arguments.of(p.path(), w)));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void everyTableReadsWithoutHidingAColumnOrSqueezingACell(String path, int width) {
    browser.viewport(width, 900);
    browser.open(app.url(path));
    assertEquals(List.of(), browser.js(TABLES_READ), path + " at " + width + " px");
  }

  /** The problems of the page's tables, each naming the table and the cell. */
  static final String TABLES_READ = """
      document.querySelectorAll('[data-chart-table]').forEach(function (t) { t.hidden = false; });
      var vw = document.documentElement.clientWidth;
      var problems = [];
      function squash(s) { return s.replace(/\\s+/g, ' ').trim(); }
      document.querySelectorAll('main table').forEach(function (table, ti) {
        if (!table.getClientRects().length) { return; }
        var name = 'table.' + (table.className || '-') + ' #' + ti
            + (table.caption ? ' "' + squash(table.caption.textContent).slice(0, 40) + '"' : '');
        var r = table.getBoundingClientRect();
        if (r.left < -0.5 || r.right > vw + 0.5) {
          problems.push(name + ' runs from ' + Math.round(r.left) + ' to ' + Math.round(r.right)
              + ' px on a ' + vw + ' px screen');
        }
        for (var el = table.parentElement; el && el !== document.body; el = el.parentElement) {
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
            problems.push(name + ' scrolls sideways in ' + el.tagName.toLowerCase() + '.' + el.className
                + ' (' + el.scrollWidth + ' px in ' + el.clientWidth + ')');
          }
        }
        var head = table.tHead;
        var headAway = head && head.getBoundingClientRect().width <= 1;
        table.querySelectorAll('th, td').forEach(function (cell) {
          var text = squash(cell.textContent);
          if (!text) { return; }
          var inHead = head && head.contains(cell);
          if (inHead && headAway) { return; }
          var where = name + ' cell "' + text.slice(0, 30) + '"';
          var cr = cell.getBoundingClientRect();
          var style = getComputedStyle(cell);
          if (cr.width < 1 || cr.height < 1 || style.visibility === 'hidden') {
            problems.push(where + ' is not shown');
            return;
          }
          if (cr.left < -0.5 || cr.right > vw + 0.5) {
            problems.push(where + ' is cut off at the screen edge');
          }
          var inner = cr.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
              - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
          var em = parseFloat(style.fontSize);
          if (inner < 2 * em - 0.5) {
            problems.push(where + ' is ' + Math.round(inner) + ' px wide, under two characters ('
                + Math.round(2 * em) + ' px)');
          }
          if (headAway && !inHead && cell.tagName === 'TD' && !cell.dataset.label) {
            problems.push(where + ' has no column name beside it (data-label) while the header row is put away');
          }
          if (text.length <= 6 && !/\\s/.test(text) && !cell.querySelector('.visually-hidden')) {
            var tops = {};
            var walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (var node = walk.nextNode(); node; node = walk.nextNode()) {
              var range = document.createRange();
              range.selectNodeContents(node);
              Array.prototype.forEach.call(range.getClientRects(), function (q) {
                if (q.width > 0) { tops[Math.round(q.bottom)] = true; }
              });
            }
            if (Object.keys(tops).length > 1) {
              problems.push(where + ' (' + Math.round(inner) + ' px) breaks over ' + Object.keys(tops).length + ' lines');
            }
          }
        });
      });
      return problems.slice(0, 40);
      """;
}
