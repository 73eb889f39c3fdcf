/*
 * Draws every chart on the page from its JSON spec (shaped and tested in Java), adds the
 * chart/table toggles, and redraws charts at print resolution before printing.
 * Styling by role: actual = solid, projection = outlined/dashed, target = markers, growth = line.
 * Colours follow the page's theme: text and grid from site.css's custom properties, series in
 * the spec's colour or, on the dark theme, its darkColor; paper and PNG images are always light.
 */
(function () {
  'use strict';

  var charts = [];
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  var darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  var printing = false;
  /* The page's language decides number format and the few words this file writes (from the bundles, via <body data-msg-*>). */
  var numberFormat = new Intl.NumberFormat(document.body.getAttribute('data-number-locale') || 'en',
    document.documentElement.lang === 'zh-CN' ? { useGrouping: false } : {});
  function msg(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = document.body.getAttribute('data-msg-' + name) || '';
    return text.replace(/\{(\d)\}/g, function (all, i) { return args[i] === undefined ? '' : String(args[i]); });
  }
  /* Chart text on paper: 10 CSS px = 7.5 pt (the printed captions' size), in black. */
  var PRINT_FONT_SIZE = 10;
  var screenText = { fontSize: 12, color: '#666' };
  /* Paper and exported images: dark text on white whatever the screen's scheme. */
  var PRINT_THEME = { dark: false, text: '#000', ink: '#000', grid: 'rgba(0,0,0,0.15)', paper: '#ffffff' };
  var IMAGE_THEME = { dark: false, text: '#4d4d4d', ink: '#1a1a1a', grid: 'rgba(0,0,0,0.1)', paper: '#ffffff' };

  function screenAnimation() {
    return reducedMotion.matches ? false : { duration: 400 };
  }

  function cssColour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  /* The screen's chart colours, read from site.css (which has the dark scheme's values). */
  function screenTheme() {
    return {
      dark: darkScheme.matches,
      text: cssColour('--muted', '#4d4d4d'),
      ink: cssColour('--ink', '#1a1a1a'),
      grid: cssColour('--chart-grid', 'rgba(0,0,0,0.1)'),
      paper: cssColour('--paper', '#ffffff')
    };
  }

  function withAlpha(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function dataset(series, index) {
    var ds = {
      label: series.label,
      type: series.type,
      data: series.points,
      yAxisID: series.axis,
      pointStyle: series.marker,
      pointRadius: 4,
      pointHoverRadius: 6,
      borderWidth: 2,
      borderDash: series.dash,
      spanGaps: false,
      order: index
    };
    if (series.role === 'target') {
      ds.pointRadius = 7;
      ds.pointHoverRadius = 9;
      ds.showLine = false;
      ds.order = -1;
    }
    if (series.role === 'growth') {
      ds.order = -2;
    }
    return ds;
  }

  /*
   * Series, text and grid colours in theme t, set on a chart's config (before the chart exists,
   * or chart.config after); they take effect at the chart's next update.
   */
  function paint(cfg, spec, t) {
    spec.series.forEach(function (series, i) {
      var ds = cfg.data.datasets[i];
      var colour = t.dark ? series.darkColor : series.color;
      ds.borderColor = colour;
      ds.backgroundColor = colour;
      if (series.hollow) {
        ds.backgroundColor = series.type === 'bar' ? withAlpha(colour, 0.12) : t.paper;
      }
    });
    var options = cfg.options;
    options.aimInk = t.ink;
    Object.keys(options.scales).forEach(function (id) {
      var scale = options.scales[id];
      scale.ticks = scale.ticks || {};
      scale.grid = scale.grid || {};
      scale.ticks.color = t.text;
      scale.title.color = t.text;
      scale.grid.color = t.grid;
      scale.border = { color: t.grid };
    });
    options.plugins.legend.labels.color = t.text;
    /* Value axes stand upright except in horizontal bars, whose value axis runs along the bottom. */
    (spec.indexAxis === 'y' ? [] : spec.axes).forEach(function (a) {
      if (options.scales[a.id]) { options.scales[a.id].title.text = axisTitle(a.title); }
    });
  }

  function xScale(x) {
    if (x.type === 'category') {
      /* Long runs of years stay level and skip every other label in narrow boxes; a few named
         categories (segments) always all show, tilted when a narrow (printed) box has no room
         for them side by side. */
      var few = x.labels.length <= 6;
      return {
        type: 'category', title: { display: true, text: x.title }, grid: { display: false },
        ticks: { maxRotation: few ? 45 : 0, autoSkip: !few }
      };
    }
    var labels = {};
    x.ticks.forEach(function (t) { labels[t.value] = t.label; });
    return {
      type: 'linear', min: x.min, max: x.max,
      title: { display: true, text: x.title },
      afterBuildTicks: function (axis) {
        axis.ticks = x.ticks.map(function (t) { return { value: t.value }; });
      },
      ticks: { callback: function (value) { return labels[value] || ''; }, autoSkip: true, maxRotation: 0 }
    };
  }

  /*
   * A printed chart in a small box may be less tall than its rotated axis title is long, and
   * the canvas would cut it: on paper a long title goes on two lines, split at the middle space.
   */
  function axisTitle(text) {
    if (!printing || !text || text.length <= 16) { return text; }
    var middle = text.length / 2;
    var best = -1;
    for (var i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
      if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) { best = i; }
    }
    return best < 0 ? text : [text.slice(0, best), text.slice(best + 1)];
  }

  function yScale(axis) {
    return {
      type: 'linear', position: axis.position, beginAtZero: true,
      title: { display: true, text: axisTitle(axis.title) },
      grid: { drawOnChartArea: axis.id === 'y' },
      ticks: { callback: function (v) { return axis.unit === '%' ? msg('percent', numberFormat.format(v)) : numberFormat.format(v); } }
    };
  }

  /* Dashed vertical lines between two category labels, e.g. a series break. */
  var breaksPlugin = {
    id: 'aimBreaks',
    afterDatasetsDraw: function (chart) {
      var breaks = chart.config.options.aimBreaks || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      breaks.forEach(function (b) {
        var labels = chart.data.labels;
        var a = labels.indexOf(b.after);
        var c = labels.indexOf(b.before);
        if (a < 0 || c < 0) { return; }
        var px = (x.getPixelForValue(a) + x.getPixelForValue(c)) / 2;
        ctx.save();
        ctx.strokeStyle = chart.config.options.aimInk;
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = chart.config.options.aimInk;
        ctx.font = '12px sans-serif';
        ctx.textAlign = 'right';
        ctx.fillText(b.label, px - 4, area.top + 12);
        ctx.restore();
      });
    }
  };

  /*
   * Horizontal bars (spec.indexAxis 'y', a ranking): the spec's category axis goes down the
   * side with every label shown, its value axis along the bottom, and each point's y is read
   * as the bar's length; one bar per category, so bars of different series do not share a row.
   */
  function horizontal(scales, datasets, spec) {
    var categories = scales.x;
    categories.axis = 'y';
    categories.position = 'left';
    categories.ticks.autoSkip = false;
    categories.ticks.maxRotation = 0;
    var values = scales[spec.axes[0].id];
    values.axis = 'x';
    values.position = 'bottom';
    datasets.forEach(function (ds) {
      ds.xAxisID = 'x';
      ds.yAxisID = 'y';
      ds.parsing = { xAxisKey: 'y', yAxisKey: 'x' };
      ds.grouped = false;
    });
    return { x: values, y: categories };
  }

  function config(spec) {
    var scales = { x: xScale(spec.x) };
    spec.axes.forEach(function (a) { scales[a.id] = yScale(a); });
    var datasets = spec.series.map(dataset);
    if (spec.indexAxis === 'y') { scales = horizontal(scales, datasets, spec); }
    return {
      type: 'bar',
      data: {
        labels: spec.x.type === 'category' ? spec.x.labels : undefined,
        datasets: datasets
      },
      options: {
        indexAxis: spec.indexAxis === 'y' ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: screenAnimation(),
        interaction: { mode: 'nearest', intersect: true },
        aimBreaks: spec.breaks,
        scales: scales,
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? items[0].raw.period : ''; },
              label: function (item) {
                return msg('tooltip', item.dataset.label, item.raw.text, item.raw.sourceNo);
              }
            }
          }
        }
      },
      plugins: [breaksPlugin]
    };
  }

  /*
   * Chart specs not yet drawn. Charts are drawn as they come near the viewport, one per task:
   * drawing one takes a phone tens of milliseconds, and a page of charts drawn at load kept it
   * busy (Lighthouse's total blocking time) for charts the reader may never scroll to. Printing,
   * a PNG download and window.aimDrawAll() draw what they need at once. The PNG buttons are
   * there from the start, so drawing a chart never moves the page under the reader.
   */
  var pending = [];
  var queued = [];

  function drawAll() {
    if (typeof Chart === 'undefined') { return; }
    screenText = { fontSize: Chart.defaults.font.size, color: Chart.defaults.color };
    pending = Array.prototype.slice.call(document.querySelectorAll('script.chart-spec'));
    pending.forEach(function (el) {
      var spec = JSON.parse(el.textContent);
      var canvas = document.getElementById(spec.id);
      if (canvas) { addPngButton(canvas, spec); }
    });
    if (!('IntersectionObserver' in window)) {
      pending.forEach(queue);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) { return; }
        observer.unobserve(e.target);
        pending.filter(function (el) { return el.parentNode === e.target; }).forEach(queue);
      });
    });
    pending.forEach(function (el) { observer.observe(el.parentNode); });
  }

  function queue(el) {
    if (queued.indexOf(el) >= 0) { return; }
    queued.push(el);
    if (queued.length === 1) { setTimeout(drawQueued, 0); }
  }

  function drawQueued() {
    var el = queued[0];
    if (pending.indexOf(el) >= 0) {
      pending.splice(pending.indexOf(el), 1);
      drawChart(el, printing ? PRINT_THEME : screenTheme());
    }
    queued.shift();
    if (queued.length) { setTimeout(drawQueued, 0); }
  }

  /* Draws every chart not drawn yet, at once (printing cannot wait for later tasks). */
  function drawPending(theme) {
    while (pending.length) { drawChart(pending.shift(), theme); }
  }

  window.aimDrawAll = function () {
    drawPending(printing ? PRINT_THEME : screenTheme());
  };

  /* The chart on canvas, drawn now and whole (not mid-animation) if it was not drawn yet. */
  function drawnChart(canvas) {
    var el = pending.filter(function (p) { return p.parentNode === canvas.closest('figure'); })[0];
    if (el) {
      pending.splice(pending.indexOf(el), 1);
      drawChart(el, printing ? PRINT_THEME : screenTheme());
      redrawNow(Chart.getChart(canvas));
    }
    return Chart.getChart(canvas);
  }

  /*
   * Redraws a chart at once, whole and in its current colours. An update('none') would leave
   * the colours: Chart.js refreshes the element options that datasets share (their colours)
   * only through animations, which therefore run switched off here.
   */
  function redrawNow(chart) {
    var animation = chart.config.options.animation;
    chart.stop();
    chart.config.options.animation = false;
    chart.update();
    chart.config.options.animation = animation;
  }

  function drawChart(el, theme) {
    var spec = JSON.parse(el.textContent);
    var canvas = document.getElementById(spec.id);
    if (canvas) {
      var cfg = config(spec);
      paint(cfg, spec, theme);
      var chart = new Chart(canvas, cfg);
      chart.aimSpec = spec;
      charts.push(chart);
    }
  }

  /* A change of colour scheme while the page is open repaints the charts (not while printing). */
  function followScheme() {
    if (printing) { return; }
    var theme = screenTheme();
    charts.forEach(function (c) {
      paint(c.config, c.aimSpec, theme);
      redrawNow(c);
    });
  }

  function followMotion() {
    charts.forEach(function (c) { c.options.animation = screenAnimation(); });
  }

  /* Publishers behind a chart, read from its "[n]" links and the page's numbered source notes. */
  function chartPublishers(figure) {
    var names = [];
    if (!figure) { return names; }
    figure.querySelectorAll('.chart__sources a.cite').forEach(function (a) {
      var note = document.getElementById((a.getAttribute('href') || '').slice(1));
      var publisher = note && note.querySelector('.source__publisher');
      var name = publisher ? publisher.textContent.trim() : '';
      if (name && names.indexOf(name) < 0) { names.push(name); }
    });
    return names;
  }

  function wrap(c, text, width) {
    var lines = [];
    var line = '';
    text.split(' ').forEach(function (word) {
      var next = line ? line + ' ' + word : word;
      if (line && c.measureText(next).width > width) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  /*
   * The chart as a PNG on white (a canvas is transparent, which prints black in some viewers),
   * with its title and unit above and its sources and the page address below, so the image
   * still says what it shows and where the figures come from.
   */
  function chartPng(canvas) {
    var chart = drawnChart(canvas);
    var repaint = chart && chart.aimSpec && !printing && darkScheme.matches;
    if (repaint) {
      paint(chart.config, chart.aimSpec, IMAGE_THEME);
      redrawNow(chart);
    }
    try {
      return imageOf(canvas);
    } finally {
      if (repaint) {
        paint(chart.config, chart.aimSpec, screenTheme());
        redrawNow(chart);
      }
    }
  }

  function imageOf(canvas) {
    var figure = canvas.closest('figure');
    var text = function (sel) {
      var el = figure && figure.querySelector(sel);
      return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
    };
    var scale = canvas.clientWidth ? canvas.width / canvas.clientWidth : 1;
    var pad = Math.round(12 * scale);
    var head = Math.round(52 * scale);
    var lineHeight = Math.round(16 * scale);
    var font = Math.round(12 * scale) + 'px sans-serif';
    var measure = document.createElement('canvas').getContext('2d');
    measure.font = font;
    var publishers = chartPublishers(figure);
    var footer = (publishers.length ? wrap(measure, msg('png-sources', publishers.join('; ')), canvas.width) : [])
      .concat(wrap(measure, msg('png-credit', window.location.href), canvas.width));
    var out = document.createElement('canvas');
    out.width = canvas.width + 2 * pad;
    out.height = head + canvas.height + Math.round(8 * scale) + footer.length * lineHeight + pad;
    var c = out.getContext('2d');
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, out.width, out.height);
    c.textBaseline = 'top';
    c.fillStyle = '#1a1a1a';
    c.font = 'bold ' + Math.round(15 * scale) + 'px sans-serif';
    c.fillText(text('.chart__caption h3'), pad, pad);
    c.fillStyle = '#4d4d4d';
    c.font = font;
    c.fillText(text('.chart__unit'), pad, pad + Math.round(20 * scale));
    c.drawImage(canvas, pad, head);
    footer.forEach(function (line, i) {
      c.fillText(line, pad, head + canvas.height + Math.round(8 * scale) + i * lineHeight);
    });
    return out.toDataURL('image/png');
  }

  window.aimChartPng = function (id) {
    var canvas = document.getElementById(id);
    return canvas ? chartPng(canvas) : null;
  };

  function addPngButton(canvas, spec) {
    var box = canvas.parentNode;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart__toggle chart__png';
    button.textContent = msg('download-png');
    button.addEventListener('click', function () {
      var a = document.createElement('a');
      a.href = chartPng(canvas);
      /* Named after the title in the page's language: letters and digits of any script survive. */
      a.download = ((spec.title || '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || spec.id) + '.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    box.parentNode.insertBefore(button, box.nextSibling);
  }

  /* Tables start visible (no-JS, print); with JS they fold behind a real button. */
  function addTableToggles() {
    document.querySelectorAll('[data-chart-table]').forEach(function (table) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'chart__toggle';
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', table.id);
      button.textContent = msg('show-table');
      button.addEventListener('click', function () {
        var open = button.getAttribute('aria-expanded') === 'true';
        button.setAttribute('aria-expanded', String(!open));
        button.textContent = open ? msg('show-table') : msg('hide-table');
        table.hidden = open;
      });
      table.hidden = true;
      table.parentNode.insertBefore(button, table);
    });
  }

  /*
   * No script runs during print layout, so each chart is redrawn beforehand: animation stopped
   * and off, at least 2x resolution, at the size of its box. This runs on beforeprint (screen
   * layout) and again when the print media query turns true: Chromium lays the page out for
   * paper before calling that listener, so the boxes measured then are the printed ones.
   * With animation off, update() draws at once (in the paper's colours, see redrawNow), so a
   * chart is never printed half-animated.
   */
  function toPrint() {
    printing = true;
    drawPending(PRINT_THEME);
    stampPrintDate();
    if (typeof Chart !== 'undefined') {
      Chart.defaults.font.size = PRINT_FONT_SIZE;
      Chart.defaults.color = '#000';
    }
    charts.forEach(function (c) {
      var box = c.canvas.parentNode.getBoundingClientRect();
      paint(c.config, c.aimSpec, PRINT_THEME);
      c.stop();
      c.options.animation = false;
      c.options.devicePixelRatio = Math.max(2, window.devicePixelRatio || 1);
      c.resize(Math.floor(box.width), Math.floor(box.height));
      c.update();
    });
  }

  function toScreen() {
    printing = false;
    var theme = screenTheme();
    if (typeof Chart !== 'undefined') {
      Chart.defaults.font.size = screenText.fontSize;
      Chart.defaults.color = screenText.color;
    }
    charts.forEach(function (c) {
      paint(c.config, c.aimSpec, theme);
      c.options.devicePixelRatio = undefined;
      c.resize();
      redrawNow(c);
      c.options.animation = screenAnimation();
    });
  }

  /*
   * The footer of printed pages (@page margin boxes in site.css) reads its words from custom
   * properties set here, from the page's bundle text: CSS cannot hold text in two languages.
   */
  function stampPrintDate() {
    var now = new Date();
    var locale = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
    var when = now.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
        + (locale === 'zh-CN' ? ' ' : ', ') + now.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
    document.documentElement.style.setProperty('--aim-print-footer', JSON.stringify(msg('print-footer', when)));
  }

  function stampPageNumbers() {
    var parts = (document.body.getAttribute('data-msg-print-page') || '{0} / {1}').split(/\{[01]\}/);
    var root = document.documentElement.style;
    ['--aim-page-before', '--aim-page-middle', '--aim-page-after'].forEach(function (name, i) {
      root.setProperty(name, JSON.stringify(parts[i] || ''));
    });
  }

  window.aimPrepareForPrint = toPrint;

  document.addEventListener('DOMContentLoaded', function () {
    stampPageNumbers();
    stampPrintDate();
    addTableToggles();
    drawAll();
    window.addEventListener('beforeprint', toPrint);
    window.addEventListener('afterprint', toScreen);
    window.matchMedia('print').addEventListener('change', function (e) {
      if (e.matches) { toPrint(); } else { toScreen(); }
    });
    darkScheme.addEventListener('change', followScheme);
    reducedMotion.addEventListener('change', followMotion);
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { toPrint(); window.print(); });
      b.hidden = false;
    });
  });
}());
