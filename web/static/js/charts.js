/*
 * Draws every chart on the page from its JSON spec (shaped and tested in Java), adds the
 * chart/table toggles, and redraws charts at print resolution before printing.
 * Qualifiers are drawn as the spec's marks say (ChartSpec.Mark: fill, sign, dash, goal line), per
 * point; lines break where a point is not joined to the one before; figures beyond the time
 * axis are written at its edge. Tick formats, digit grouping and the PNG's title, unit, key and
 * publishers all come from the spec: this file decides nothing about the data.
 * Colours follow the page's theme: text and grid from site.css's custom properties, series in
 * the spec's colour or, on the dark theme, its darkColor; paper and PNG images are always light.
 */
(function () {
  'use strict';

  var charts = [];
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  var darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  var printing = false;
  /* Numbers on ticks: grouped or not as the spec says (ChartSpec.grouping). */
  function numberFormat(spec) {
    return new Intl.NumberFormat('en', { useGrouping: spec.grouping !== false, maximumFractionDigits: 2 });
  }
  /* The few words this file writes come from the bundles, via <body data-msg-*>. */
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

  /* The look of each mark the chart uses, by qualifier code (from the spec's key). */
  function marksOf(spec) {
    var marks = {};
    (spec.key || []).forEach(function (k) { marks[k.kind] = k; });
    return marks;
  }

  var patterns = {};
  /* A fill of kind solid, tint, hatch, dots or open in colour, on paper. */
  function fillOf(kind, colour, paper, ctx) {
    if (kind === 'tint') { return withAlpha(colour, 0.4); }
    if (kind === 'open') { return paper; }
    if (kind === 'hatch' || kind === 'dots') {
      var id = kind + colour + paper;
      if (!patterns[id]) {
        var c = document.createElement('canvas');
        c.width = 8; c.height = 8;
        var g = c.getContext('2d');
        g.fillStyle = paper; g.fillRect(0, 0, 8, 8);
        g.fillStyle = colour; g.strokeStyle = colour;
        if (kind === 'hatch') {
          g.lineWidth = 2;
          g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.moveTo(-2, 2); g.lineTo(2, -2);
          g.moveTo(6, 10); g.lineTo(10, 6); g.stroke();
        } else {
          g.beginPath(); g.arc(2, 2, 1.3, 0, 2 * Math.PI); g.arc(6, 6, 1.3, 0, 2 * Math.PI); g.fill();
        }
        patterns[id] = (ctx || g).createPattern(c, 'repeat');
      }
      return patterns[id];
    }
    return colour;
  }

  function dataset(series, index, spec) {
    var marks = marksOf(spec);
    var points = series.points;
    var ds = {
      label: series.label,
      type: series.type,
      data: points,
      yAxisID: series.axis,
      pointStyle: series.marker,
      pointRadius: function (c) { var m = c.raw && marks[c.raw.mark]; return m && m.goal ? 6 : 4; },
      pointHoverRadius: 7,
      pointBorderWidth: 2,
      borderWidth: 2,
      borderDash: series.dash,
      spanGaps: false,
      order: index,
      /* A line never runs to a point the spec does not join to the one before. */
      segment: {
        borderColor: function (c) {
          var p = points[c.p1DataIndex];
          return p && p.joined === false ? 'rgba(0,0,0,0)' : undefined;
        }
      }
    };
    if (series.type === 'scatter') { ds.showLine = false; ds.order = -1; }
    if (series.role === 'growth') { ds.order = -2; }
    return ds;
  }

  /*
   * Series, text and grid colours in theme t, set on a chart's config (before the chart exists,
   * or chart.config after); they take effect at the chart's next update.
   */
  function paint(cfg, spec, t) {
    var marks = marksOf(spec);
    spec.series.forEach(function (series, i) {
      var ds = cfg.data.datasets[i];
      var colour = t.dark ? series.darkColor : series.color;
      /* Each point's fill is its qualifier's; a legend swatch (no point) is the series' own. */
      var fill = function (c) {
        var m = c && c.raw && marks[c.raw.mark];
        return fillOf(m ? m.fill : (series.hollow ? 'open' : 'solid'), colour, t.paper);
      };
      ds.borderColor = colour;
      ds.pointBorderColor = colour;
      ds.backgroundColor = fill;
      ds.pointBackgroundColor = fill;
    });
    options_ink(cfg, t);
    var options = cfg.options;
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
      if (options.scales[a.id]) {
        options.scales[a.id].title.text = axisTitle(a.title);
        /* In a narrow box the upright title would be cut: the ticks carry the unit (the spec's
           format) and the line under the chart's title names it. */
        options.scales[a.id].title.display = function (c) { return c.chart.width >= 480; };
      }
    });
  }

  function options_ink(cfg, t) {
    cfg.options.aimInk = t.ink;
    cfg.options.aimPaper = t.paper;
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

  /* A value axis: its ticks written in the spec's format ("¥{0} bn", "{0} %", "{0}亿元"). */
  function yScale(axis, spec) {
    var format = numberFormat(spec);
    return {
      type: 'linear', position: axis.position, beginAtZero: true, suggestedMax: axis.max,
      title: { display: true, text: axisTitle(axis.title) },
      grid: { drawOnChartArea: axis.id === 'y' },
      ticks: { callback: function (v) { return (axis.format || '{0}').replace('{0}', format.format(v)); } }
    };
  }

  /*
   * Dashed vertical lines where a series breaks: between two category labels, or at a position
   * of a time axis. No words on the chart, where they would cover figures: the key says what
   * the line is, and a note names the periods.
   */
  var breaksPlugin = {
    id: 'aimBreaks',
    afterDatasetsDraw: function (chart) {
      var breaks = chart.config.options.aimBreaks || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      breaks.forEach(function (b) {
        var px;
        if (b.at !== undefined && b.at !== null) {
          px = x.getPixelForValue(b.at);
        } else {
          var labels = chart.data.labels || [];
          var a = labels.indexOf(b.after);
          var c = labels.indexOf(b.before);
          if (a < 0 || c < 0) { return; }
          /* Just before the category that breaks, however many empty years lie between. */
          px = c > a + 1 ? x.getPixelForValue(c) - (x.getPixelForValue(c) - x.getPixelForValue(c - 1)) / 2
            : (x.getPixelForValue(a) + x.getPixelForValue(c)) / 2;
        }
        if (!(px >= area.left && px <= area.right)) { return; }
        ctx.save();
        ctx.strokeStyle = chart.config.options.aimInk;
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.restore();
      });
    }
  };

  /*
   * Each point's qualifier sign ("≈", ">", "=") and "?" for a doubtful figure, beside its marker
   * or at the end of its bar, and a goal line through a target's marker: as the spec's marks say.
   */
  var marksPlugin = {
    id: 'aimMarks',
    afterDatasetsDraw: function (chart) {
      var spec = chart.aimSpec || chart.config.options.aimSpec;
      if (!spec) { return; }
      var marks = marksOf(spec);
      var ctx = chart.ctx;
      var horizontal = spec.indexAxis === 'y';
      ctx.save();
      ctx.font = 'bold 12px sans-serif';
      ctx.fillStyle = chart.config.options.aimInk;
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden) { return; }
        meta.data.forEach(function (el, j) {
          var p = ds.data[j];
          var m = p && marks[p.mark];
          if (!m) { return; }
          var sign = (m.glyph || '') + (p.doubtful ? '?' : '');
          var pos = el.getProps(['x', 'y', 'base'], true);
          if (m.goal) {
            ctx.strokeStyle = chart.config.options.aimInk;
            ctx.lineWidth = 2;
            ctx.beginPath(); ctx.moveTo(pos.x - 10, pos.y); ctx.lineTo(pos.x + 10, pos.y); ctx.stroke();
          }
          if (!sign) { return; }
          if (horizontal) {
            ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
            ctx.fillText(sign, pos.x + 4, pos.y);
          } else {
            ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
            ctx.fillText(sign, pos.x, pos.y - (ds.type === 'bar' ? 3 : 7));
          }
        });
      });
      ctx.restore();
    }
  };

  /*
   * Figures beyond the end of the time axis, written at its right edge at their height: their
   * marker in their series' colour and fill, and their period and value ("2035: ¥1,729.5 bn
   * (forecast) →"). The table lists them too. Drawn before the data, with a halo of paper
   * round the letters, so a label never hides a figure.
   */
  var beyondPlugin = {
    id: 'aimBeyond',
    beforeDatasetsDraw: function (chart) {
      var spec = chart.aimSpec || chart.config.options.aimSpec;
      if (!spec || !spec.beyond || !spec.beyond.length) { return; }
      var marks = marksOf(spec);
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px sans-serif';
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      var used = [];
      spec.beyond.forEach(function (b) {
        var scale = chart.scales[b.axis] || chart.scales.y;
        var y = scale.getPixelForValue(b.point.y);
        /* Two figures at about one height are written one under the other. */
        used.forEach(function (u) { if (Math.abs(u - y) < 13) { y = u + 13; } });
        used.push(y);
        var colour = b.color;
        var m = marks[b.point.mark];
        var x = area.right - 6;
        ctx.fillStyle = fillOf(m ? m.fill : 'solid', colour, chart.config.options.aimPaper || '#fff');
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2;
        ctx.beginPath(); ctx.arc(x, y, 4, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
        if (m && m.goal) { ctx.beginPath(); ctx.moveTo(x - 9, y); ctx.lineTo(x + 5, y); ctx.stroke(); }
        var text = b.label + (b.point.doubtful ? ' ?' : '') + ' \u2192';
        ctx.lineJoin = 'round';
        ctx.lineWidth = 3;
        ctx.strokeStyle = chart.config.options.aimPaper || '#fff';
        ctx.strokeText(text, x - 10, y);
        ctx.fillStyle = chart.config.options.aimInk;
        ctx.fillText(text, x - 10, y);
      });
      ctx.restore();
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
    spec.axes.forEach(function (a) { scales[a.id] = yScale(a, spec); });
    var datasets = spec.series.map(function (series, i) { return dataset(series, i, spec); });
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
        aimSpec: spec,
        scales: scales,
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8,
            sort: function (a, b) { return a.datasetIndex - b.datasetIndex; } } },
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
      plugins: [breaksPlugin, marksPlugin, beyondPlugin]
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
   * drawn again at least twice the screen's resolution for slides, with the spec's title and
   * unit above, its key of marks below, then its publishers and the page address, so the image
   * still says what it shows, how to read it and where the figures come from.
   */
  function chartPng(canvas) {
    var chart = drawnChart(canvas);
    var repaint = chart && chart.aimSpec && !printing && darkScheme.matches;
    var ratio = Math.max(2, window.devicePixelRatio || 1);
    if (chart) {
      if (repaint) { paint(chart.config, chart.aimSpec, IMAGE_THEME); }
      chart.options.devicePixelRatio = ratio;
      chart.resize();
      redrawNow(chart);
    }
    try {
      return imageOf(canvas, chart ? chart.aimSpec : null, ratio);
    } finally {
      if (chart) {
        if (repaint) { paint(chart.config, chart.aimSpec, screenTheme()); }
        chart.options.devicePixelRatio = printing ? ratio : undefined;
        chart.resize();
        redrawNow(chart);
      }
    }
  }

  function imageOf(canvas, spec, scale) {
    spec = spec || { title: '', unit: '', key: [], publishers: [] };
    var pad = Math.round(12 * scale);
    var lineHeight = Math.round(16 * scale);
    var font = Math.round(12 * scale) + 'px sans-serif';
    var measure = document.createElement('canvas').getContext('2d');
    var width = canvas.width;
    measure.font = 'bold ' + Math.round(15 * scale) + 'px sans-serif';
    var title = wrap(measure, spec.title || '', width);
    measure.font = font;
    var unit = spec.unit ? wrap(measure, spec.unit, width) : [];
    var swatch = Math.round(14 * scale);
    var key = [];
    (spec.key || []).forEach(function (k) {
      wrap(measure, k.label, width - swatch - pad).forEach(function (line, i) {
        key.push({ entry: i === 0 ? k : null, text: line });
      });
    });
    var footer = ((spec.publishers || []).length
      ? wrap(measure, msg('png-sources', spec.publishers.join('; ')), width) : [])
      .concat(wrap(measure, msg('png-credit', window.location.href), width));
    var head = pad + title.length * Math.round(20 * scale) + unit.length * lineHeight + Math.round(6 * scale);
    var out = document.createElement('canvas');
    out.width = width + 2 * pad;
    out.height = head + canvas.height + Math.round(8 * scale) + (key.length + footer.length) * lineHeight
        + Math.round(6 * scale) + pad;
    var c = out.getContext('2d');
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, out.width, out.height);
    c.textBaseline = 'top';
    c.fillStyle = '#1a1a1a';
    c.font = 'bold ' + Math.round(15 * scale) + 'px sans-serif';
    var y = pad;
    title.forEach(function (line) { c.fillText(line, pad, y); y += Math.round(20 * scale); });
    c.fillStyle = '#4d4d4d';
    c.font = font;
    unit.forEach(function (line) { c.fillText(line, pad, y); y += lineHeight; });
    c.drawImage(canvas, pad, head);
    y = head + canvas.height + Math.round(8 * scale);
    key.forEach(function (k) {
      if (k.entry) { drawSwatch(c, k.entry, pad, y, swatch, scale); }
      c.fillStyle = '#1a1a1a';
      c.fillText(k.text, pad + swatch + Math.round(6 * scale), y);
      y += lineHeight;
    });
    y += Math.round(6 * scale);
    c.fillStyle = '#4d4d4d';
    footer.forEach(function (line) { c.fillText(line, pad, y); y += lineHeight; });
    return out.toDataURL('image/png');
  }

  /* A key entry's swatch in the image, as site.css draws it on the page. */
  function drawSwatch(c, k, x, y, size, scale) {
    var h = Math.round(size * 0.8);
    var ink = '#1a1a1a';
    c.save();
    c.lineWidth = Math.max(1, Math.round(1.5 * scale));
    c.strokeStyle = ink;
    if (k.kind === 'break') {
      c.setLineDash([3 * scale, 2 * scale]);
      c.beginPath(); c.moveTo(x + size / 2, y); c.lineTo(x + size / 2, y + h); c.stroke();
    } else if (k.fill !== 'none') {
      c.fillStyle = fillOf(k.fill, ink, '#ffffff', c);
      c.fillRect(x, y, size, h);
      if (k.dashed) { c.setLineDash([3 * scale, 2 * scale]); }
      c.strokeRect(x, y, size, h);
      c.setLineDash([]);
      if (k.goal) { c.beginPath(); c.moveTo(x - 2, y + h / 2); c.lineTo(x + size + 2, y + h / 2); c.stroke(); }
    }
    if (k.glyph && k.fill !== 'solid') {
      c.fillStyle = k.fill === 'none' ? ink : '#ffffff';
      if (k.fill !== 'none') { c.fillRect(x + size / 2 - 4 * scale, y + 1, 8 * scale, h - 2); }
      c.fillStyle = ink;
      c.font = 'bold ' + Math.round(11 * scale) + 'px sans-serif';
      c.textAlign = 'center';
      c.fillText(k.glyph, x + size / 2, y + 1);
    }
    c.restore();
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
