package org.aimonitor.browser;

import java.util.List;

/**
 * What the browser tests ask the page, as JavaScript run in it. Each script returns the list of
 * problems it found, so a failure says which chart, row or element is wrong.
 */
final class PageChecks {

  private PageChecks() {
  }

  /** The pages that draw charts, each checked at a desktop and a phone width. */
  static final List<String> CHART_PAGES = List.of("/", "/summary");
  static final int DESKTOP = 1280;
  static final int PHONE = 375;

  /**
   * Every chart spec has a Chart.js chart that drew: ink on the canvas, and for every series with
   * points, pixels of that series' colour (grey target markers aside). Every data-table row beside
   * the chart matches a drawn point of the same series with the same value, and no point lacks a
   * row.
   */
  static final String CHARTS_MATCH_TABLES = """
      var problems = [];
      function rgb(hex) {
        var n = parseInt(hex.slice(1), 16);
        return [n >> 16 & 255, n >> 8 & 255, n & 255];
      }
      function grey(c) { return Math.max(c[0], c[1], c[2]) - Math.min(c[0], c[1], c[2]) < 24; }
      document.querySelectorAll('script.chart-spec').forEach(function (el) {
        var spec = JSON.parse(el.textContent);
        var canvas = document.getElementById(spec.id);
        var chart = canvas && Chart.getChart(canvas);
        if (!chart) { problems.push(spec.id + ': no chart on the canvas'); return; }
        if (canvas.width === 0 || canvas.height === 0) { problems.push(spec.id + ': empty canvas'); return; }
        var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var ink = 0;
        for (var i = 0; i < px.length; i += 4) {
          if (px[i + 3] > 128 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) { ink++; }
        }
        if (ink < 500) { problems.push(spec.id + ': canvas is blank (' + ink + ' inked pixels)'); }
        spec.series.forEach(function (s) {
          var want = rgb(s.color);
          if (!s.points.length || grey(want)) { return; }
          var hits = 0;
          for (var i = 0; i < px.length; i += 4) {
            if (px[i + 3] > 200 && Math.abs(px[i] - want[0]) + Math.abs(px[i + 1] - want[1])
                + Math.abs(px[i + 2] - want[2]) < 40) { hits++; }
          }
          if (hits < 20) { problems.push(spec.id + ': no pixels of ' + s.color + ' for "' + s.label + '"'); }
        });
        var figure = document.getElementById(spec.id + '-figure');
        var rows = figure.querySelectorAll('tr[data-series]');
        var points = chart.data.datasets.reduce(function (n, d) { return n + d.data.length; }, 0);
        if (rows.length !== points) {
          problems.push(spec.id + ': ' + rows.length + ' table rows for ' + points + ' drawn points');
        }
        rows.forEach(function (row) {
          var s = Number(row.dataset.series), p = Number(row.dataset.point), y = Number(row.dataset.y);
          var dataset = chart.data.datasets[s];
          var where = spec.id + ' row ' + s + '/' + p;
          if (!dataset) { problems.push(where + ': no such dataset'); return; }
          if (row.cells[0].textContent.trim() !== dataset.label) {
            problems.push(where + ': row says "' + row.cells[0].textContent.trim() + '", chart "' + dataset.label + '"');
          }
          var meta = chart.getDatasetMeta(s);
          var parsed = meta.controller.getParsed(p);
          if (!parsed || parsed.y !== y) {
            problems.push(where + ': table ' + y + ', chart ' + (parsed && parsed.y));
          }
          if (!meta.data[p] || !chart.isDatasetVisible(s)) { problems.push(where + ': point not drawn'); }
        });
      });
      return problems;
      """;

  /**
   * Whether the page scrolls sideways on a screen {@code arguments[0]} px wide; when it does, the
   * offenders are named (content of elements that scroll on their own, such as wide data tables,
   * does not count).
   */
  static final String SIDEWAYS_OVERFLOW = """
      var width = arguments[0];
      var scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth <= width && window.innerWidth === width) { return []; }
      // A phone browser widens its layout viewport to fit content that is too wide.
      var problems = ['document is ' + scrollWidth + ' px wide, viewport ' + window.innerWidth
          + ' px, on a ' + width + ' px screen'];
      document.querySelectorAll('body *').forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.right > width + 1 && !el.parentElement.closest('.chart__table, .summary__table')) {
          problems.push(el.tagName.toLowerCase() + '.' + el.className + ' ends at ' + Math.round(r.right) + ' px');
        }
      });
      return problems.slice(0, 12);
      """;

  /** Fetches the page's declared icon and /favicon.ico; calls back with the failures. */
  static final String ICONS_LOAD = """
      var done = arguments[arguments.length - 1];
      var link = document.querySelector('link[rel~="icon"]');
      var urls = [link ? link.href : 'no <link rel=icon>', '/favicon.ico'];
      Promise.all(urls.map(function (u) {
        return fetch(u).then(function (r) {
          var type = r.headers.get('content-type') || '';
          return r.ok && type.indexOf('image/') === 0 ? null : u + ': ' + r.status + ' ' + type;
        }, function (e) { return u + ': ' + e; });
      })).then(function (results) { done(results.filter(function (x) { return x; })); });
      """;
}
