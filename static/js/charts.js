// Draws every chart of the page from the JSON in its canvas's data-chart attribute, and wires the
// PNG download buttons. The tables next to the charts carry the same numbers without JavaScript.
(function () {
  'use strict';
  document.documentElement.classList.remove('no-js');

  var INK = '#1b1f24';
  var ACCENT = '#0b4f8a';
  var QUALIFIED = '#6f9cc4';   // lighter fill: the value is approximate or a bound, see its mark
  var GRID = '#d0d5dc';
  var FONT = getComputedStyle(document.documentElement).fontFamily;
  var lang = document.documentElement.lang || 'zh-CN';

  // Paint a white background, so a downloaded PNG is not transparent.
  var whiteBackground = {
    id: 'whiteBackground',
    beforeDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    }
  };

  // The units of the value labels, for the axis ticks too: 万/亿 in Chinese, million/billion in
  // English, chosen by the axis's largest value so every tick uses the same one (never "350,000,000"
  // beside 3.5亿元).
  function tickFormatter(numbers) {
    var zh = numbers !== 'en';
    return function (value) {
      var max = Math.max(Math.abs(this.max || 0), Math.abs(this.min || 0));
      var v = Number(value);
      if (v === 0) return '0';
      if (zh && max >= 1e8) return round(v / 1e8) + '亿';
      if (zh && max >= 1e4) return round(v / 1e4) + '万';
      if (!zh && max >= 1e9) return round(v / 1e9) + ' billion';
      if (!zh && max >= 1e6) return round(v / 1e6) + ' million';
      return round(v).toLocaleString('en-US');
    };
  }

  function round(v) {
    return Number(v.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  var measureContext = document.createElement('canvas').getContext('2d');
  function textWidth(text, font) {
    measureContext.font = font;
    return measureContext.measureText(text).width;
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // The boxes of the axis labels as Chart.js lays them out (getLabelItems), so drawn labels can avoid
  // them and a test can check that nothing overlaps.
  function tickBoxes(chart) {
    var boxes = [];
    Object.keys(chart.scales).forEach(function (id) {
      var scale = chart.scales[id];
      if (!scale.options.display || !scale.getLabelItems) return;
      scale.getLabelItems().forEach(function (item) {
        var lines = Array.isArray(item.label) ? item.label : [item.label];
        var font = item.font;
        var w = 0;
        lines.forEach(function (l) { w = Math.max(w, textWidth(String(l), font.string)); });
        if (!w) return;
        var h = lines.length * font.lineHeight;
        var o = item.options;
        var x = o.translation[0];
        var y = o.translation[1] + (item.textOffset || 0);
        var left = o.textAlign === 'right' ? x - w : o.textAlign === 'center' ? x - w / 2 : x;
        var top = o.textBaseline === 'middle' ? y - font.lineHeight / 2
          : o.textBaseline === 'bottom' ? y - font.lineHeight : y;
        boxes.push({ x: left, y: top, w: w, h: h, kind: 'tick', text: lines.join(' ') });
      });
    });
    return boxes;
  }

  // Writes each value's label (with its qualifier mark: ≈ > +) next to its bar or point. A label is
  // placed where it overlaps no other label and no axis number and stays inside the chart: above the
  // point, else below it, else a row higher or lower; one that fits nowhere is left out (the tooltip
  // and the table beside the chart have every value).
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart) {
      var opts = chart.options.plugins.valueLabels || {};
      var placed = [];
      var ticks = tickBoxes(chart);
      var area = chart.chartArea;
      var ctx = chart.ctx;
      var font = 'bold 13px ' + FONT;
      var height = 16;
      ctx.save();
      ctx.font = font;
      ctx.textBaseline = 'top';
      var horizontal = chart.options.indexAxis === 'y';
      chart.data.datasets.forEach(function (dataset, d) {
        var labels = dataset.valueLabels || (d === 0 ? opts.labels : null);
        if (!labels) return;
        var meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach(function (element, i) {
          var text = labels[i];
          if (!text || element.skip) return;
          var w = ctx.measureText(text).width;
          var candidates;
          if (horizontal) {
            var inside = element.x - area.left > w + 16;
            candidates = [{ x: inside ? element.x - 8 - w : element.x + 6, y: element.y - height / 2, inside: inside }];
          } else {
            var x = Math.min(Math.max(element.x - w / 2, area.left + 2), area.right - w - 2);
            var up = element.y - 6 - height;
            var down = element.y + 8;
            candidates = opts.fixed ? [{ x: x, y: up }]
              : [{ x: x, y: up }, { x: x, y: down }, { x: x, y: up - height - 2 }, { x: x, y: down + height + 2 }];
          }
          for (var c = 0; c < candidates.length; c++) {
            var box = { x: candidates[c].x, y: candidates[c].y, w: w, h: height, kind: 'value', text: text };
            var outside = box.x < 0 || box.x + box.w > chart.width || box.y < 0 || box.y + box.h > chart.height
              || (!horizontal && (box.y < area.top - 24 || box.y + box.h > area.bottom));
            var clash = placed.concat(ticks).some(function (b) { return overlaps(b, box); });
            if (outside || clash) continue;
            ctx.fillStyle = candidates[c].inside ? '#ffffff' : INK;
            ctx.fillText(text, box.x, box.y + 1);
            placed.push(box);
            break;
          }
        });
      });
      ctx.restore();
      chart.$labelBoxes = placed.concat(ticks);
    },
    afterRender: function (chart) {
      chart.canvas.setAttribute('data-label-boxes', JSON.stringify(chart.$labelBoxes || []));
      chart.canvas.setAttribute('data-drawn', 'true');
    }
  };

  function colours(data) {
    return data.marks.map(function (m) { return m ? QUALIFIED : ACCENT; });
  }

  // Bar labels arrive already broken into lines by the server (never inside a word, a number or a
  // quoted name; an ellipsis where they had to be shortened); the tooltip shows the full label.
  var NARROW = 560;
  function fitLines(lines, max) {
    if (lines.length <= max) return lines;
    var kept = lines.slice(0, max);
    kept[max - 1] = kept[max - 1].replace(/…$/, '') + '…';
    return kept;
  }

  function barConfig(data, horizontal) {
    var longest = 0;
    data.valueLabels.forEach(function (l) { longest = Math.max(longest, textWidth(l, 'bold 13px ' + FONT)); });
    var ticks = { color: INK, callback: tickFormatter(data.numbers), maxTicksLimit: 6 };
    // On a narrow chart the labels' shorter lines, so the axis never has to cut them off.
    // Horizontal bars: no more lines than a bar's row has room for (the last one then ends in "…").
    var categories = { color: INK, autoSkip: false, maxRotation: 0,
                       callback: function (value, index) {
                         var lines = this.chart.width < NARROW && data.narrowLabels ? data.narrowLabels[index] : this.getLabelForValue(value);
                         if (!horizontal || !Array.isArray(lines)) return lines;
                         var room = (this.chart.height - 72) / data.labels.length;
                         return fitLines(lines, Math.max(1, Math.floor(room / 15)));
                       } };
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ data: data.values.map(Number), backgroundColor: colours(data), borderColor: ACCENT,
                     borderWidth: 1, maxBarThickness: 56 }]
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        layout: { padding: { top: 22, right: horizontal ? Math.ceil(longest) + 14 : 8 } },
        scales: {
          x: { beginAtZero: true, grid: { color: horizontal ? GRID : 'transparent' },
               title: { display: horizontal, text: data.axis, color: INK },
               ticks: horizontal ? ticks : categories },
          y: { beginAtZero: true, grid: { color: horizontal ? 'transparent' : GRID },
               ticks: horizontal ? categories : ticks,
               title: { display: !horizontal, text: data.axis, color: INK } }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            title: function (items) { return items.length ? data.fullLabels[items[0].dataIndex] : ''; },
            label: function (item) { return data.valueLabels[item.dataIndex]; } } },
          valueLabels: { labels: data.valueLabels, fixed: true }
        }
      }
    };
  }

  // The history of one or more figures: one line per figure on a time axis. The server puts a gap
  // (y: null) between two reports whose periods differ, so no line joins values that cannot be
  // compared; the legend says where a line is broken.
  var SERIES = ['#0b4f8a', '#b35806', '#1b7837', '#762a83', '#4d4d4d', '#c51b7d'];
  function seriesConfig(data) {
    var dayMs = 86400000;
    var days = [];
    data.series.forEach(function (s) { s.points.forEach(function (p) { if (p.y !== null) days.push(p.x); }); });
    var min = Math.min.apply(null, days);
    var max = Math.max.apply(null, days);
    var pad = Math.max(10, (max - min) * 0.08);
    // Days within a few months, months over longer spans: never the same tick text twice.
    var fmt = new Intl.DateTimeFormat(lang, max - min < 180
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' });
    return {
      type: 'line',
      data: {
        datasets: data.series.map(function (s, i) {
          var colour = SERIES[i % SERIES.length];
          return { label: s.legend, data: s.points.map(function (p) { return { x: p.x, y: p.y === null ? null : Number(p.y) }; }),
                   borderColor: colour, backgroundColor: colour, pointRadius: 5, spanGaps: false,
                   pointStyle: s.points.map(function (p) { return p.mark ? 'triangle' : 'circle'; }),
                   valueLabels: s.points.map(function (p) { return p.label || ''; }) };
        })
      },
      options: {
        layout: { padding: { top: 28, right: 16, left: 8 } },
        scales: {
          x: { type: 'linear', min: min - pad, max: max + pad, grid: { color: 'transparent' },
               ticks: { color: INK, maxTicksLimit: 6, callback: function (v) { return fmt.format(new Date(v * dayMs)); } } },
          y: { beginAtZero: true, grace: '15%', grid: { color: GRID },
               title: { display: true, text: data.axis, color: INK },
               ticks: { color: INK, maxTicksLimit: 6, callback: tickFormatter(data.numbers) } }
        },
        plugins: {
          legend: { display: true, position: 'bottom', labels: { color: INK, boxWidth: 14 } },
          tooltip: { callbacks: { label: function (item) {
            var p = data.series[item.datasetIndex].points[item.dataIndex];
            return p.label + ' (' + p.date + ', ' + p.period + ')';
          } } },
          valueLabels: {}
        }
      }
    };
  }

  // A figure's history on its own page: one line through its values.
  function lineConfig(data) {
    return {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [{ data: data.values.map(Number), borderColor: ACCENT, backgroundColor: ACCENT, pointRadius: 5,
                     pointStyle: data.marks.map(function (m) { return m ? 'triangle' : 'circle'; }) }]
      },
      options: {
        layout: { padding: { top: 24, right: 24, left: 8 } },
        scales: { y: { beginAtZero: true, grace: '15%', grid: { color: GRID }, ticks: { color: INK } },
                  x: { grid: { color: 'transparent' }, ticks: { color: INK } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) { return data.valueLabels[item.dataIndex]; } } },
          valueLabels: { labels: data.valueLabels }
        }
      }
    };
  }

  function timelineConfig(data) {
    var dayMs = 86400000;
    var fmt = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    var days = data.points.map(function (p) { return p.day; });
    var min = Math.min.apply(null, days) - 10;
    var max = Math.max.apply(null, days) + 10;
    return {
      type: 'scatter',
      data: {
        datasets: [{ data: data.points.map(function (p) { return { x: p.day, y: p.kind }; }),
                     backgroundColor: ACCENT, borderColor: INK, pointRadius: 8, pointHoverRadius: 10 }]
      },
      options: {
        layout: { padding: { top: 24, right: 16 } },
        scales: {
          x: { type: 'linear', min: min, max: max, grid: { color: GRID },
               title: { display: true, text: data.axis, color: INK },
               ticks: { color: INK, maxTicksLimit: 7, callback: function (v) { return fmt.format(new Date(v * dayMs)); } } },
          y: { type: 'linear', min: -1, max: data.kinds.length, grid: { color: 'transparent' },
               afterBuildTicks: function (axis) {
                 axis.ticks = data.kinds.map(function (k, i) { return { value: i }; });
               },
               ticks: { color: INK, callback: function (v) { return data.kinds[v] || ''; } } }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) {
            var p = data.points[item.dataIndex];
            return p.date + ' ' + p.title;
          } } },
          valueLabels: { labels: data.points.map(function (p) { return p.date; }) }
        }
      }
    };
  }

  function draw(canvas) {
    var data;
    try {
      data = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    if (data.type === 'number') return;
    var config = data.type === 'line' ? (data.series ? seriesConfig(data) : lineConfig(data))
      : data.type === 'timeline' ? timelineConfig(data)
      : barConfig(data, data.type === 'hbar');
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.animation = false;
    config.options.font = { family: FONT };
    config.plugins = [whiteBackground, valueLabels];
    new Chart(canvas, config);
  }

  function download(button) {
    var figure = document.getElementById(button.getAttribute('data-download'));
    var canvas = figure && figure.querySelector('canvas');
    if (!canvas) return;
    var link = document.createElement('a');
    link.download = button.getAttribute('data-download') + '.png';
    link.href = canvas.toDataURL('image/png');
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // On phones a table's cells are stacked under their column names: give every body cell that has
  // none (tables whose template does not name them) the text of its column's header.
  function labelCells() {
    document.querySelectorAll('table.data-table').forEach(function (table) {
      var heads = table.querySelectorAll('thead th');
      if (!heads.length) return;
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (!cell.hasAttribute('data-label') && heads[i]) cell.setAttribute('data-label', heads[i].textContent.trim());
        });
      });
    });
  }

  // The print header's date and address, and the full address of each download link, which print
  // after the link's words.
  function preparePrint() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    document.querySelectorAll('[data-print-date]').forEach(function (e) { e.textContent = today; });
    document.querySelectorAll('[data-print-url]').forEach(function (e) { e.textContent = location.href; });
    document.querySelectorAll('.downloads a[href]').forEach(function (a) { a.setAttribute('data-print-href', a.href); });
  }

  // A4 portrait's text width (210 mm less 2 x 12 mm margins) in CSS pixels; charts are drawn at that
  // size for print, so they are sharp and keep their proportions, and redrawn for the screen after.
  var PRINT_WIDTH = 700;
  var PRINT_HEIGHT = 300;
  var printing = false;

  function resizeForPrint(toPrint) {
    if (typeof Chart === 'undefined' || toPrint === printing) return;
    printing = toPrint;
    if (toPrint) preparePrint();
    Object.keys(Chart.instances).forEach(function (id) {
      var chart = Chart.instances[id];
      if (toPrint) chart.resize(PRINT_WIDTH, PRINT_HEIGHT);
      else chart.resize();
    });
  }

  function watchPrint() {
    window.addEventListener('beforeprint', function () { resizeForPrint(true); });
    window.addEventListener('afterprint', function () { resizeForPrint(false); });
    if (window.matchMedia) {
      var media = window.matchMedia('print');
      var changed = function (e) { resizeForPrint(e.matches); };
      if (media.addEventListener) media.addEventListener('change', changed);
      else if (media.addListener) media.addListener(changed);
    }
  }

  // Share: copies the chart's permalink (the field beside the button shows it without JavaScript).
  function share(button) {
    var url = button.getAttribute('data-share');
    var done = function () {
      var was = button.textContent;
      button.textContent = button.getAttribute('data-copied');
      setTimeout(function () { button.textContent = was; }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { selectPermalink(); });
    } else {
      selectPermalink();
    }
  }

  function selectPermalink() {
    var field = document.getElementById('permalink');
    if (field) { field.focus(); field.select(); }
  }

  function init() {
    labelCells();
    document.querySelectorAll('button[data-share]').forEach(function (b) {
      b.addEventListener('click', function () { share(b); });
    });
    preparePrint();
    watchPrint();
    if (typeof Chart === 'undefined') return;
    Chart.defaults.font.family = FONT;
    Chart.defaults.color = INK;
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
    document.querySelectorAll('button[data-download]').forEach(function (b) {
      b.addEventListener('click', function () { download(b); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
