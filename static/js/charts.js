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

  // Write each value's label (with its qualifier mark: ≈ > +) next to its bar or point.
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart) {
      var labels = chart.options.plugins.valueLabels && chart.options.plugins.valueLabels.labels;
      if (!labels) return;
      var ctx = chart.ctx;
      var horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.fillStyle = INK;
      ctx.font = 'bold 13px ' + FONT;
      chart.getDatasetMeta(0).data.forEach(function (element, i) {
        var text = labels[i];
        if (!text) return;
        if (horizontal) {
          var w = ctx.measureText(text).width;
          var inside = element.x - chart.chartArea.left > w + 16;
          ctx.textAlign = inside ? 'right' : 'left';
          ctx.textBaseline = 'middle';
          ctx.fillStyle = inside ? '#ffffff' : INK;
          ctx.fillText(text, inside ? element.x - 8 : element.x + 6, element.y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillStyle = INK;
          ctx.fillText(text, element.x, element.y - 4);
        }
      });
      ctx.restore();
    },
    afterRender: function (chart) {
      chart.canvas.setAttribute('data-drawn', 'true');
    }
  };

  function colours(data) {
    return data.marks.map(function (m) { return m ? QUALIFIED : ACCENT; });
  }

  function barConfig(data, horizontal) {
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ data: data.values.map(Number), backgroundColor: colours(data), borderColor: ACCENT,
                     borderWidth: 1, maxBarThickness: 56 }]
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        layout: { padding: { top: 22, right: horizontal ? 70 : 8 } },
        scales: {
          x: { beginAtZero: true, grid: { color: horizontal ? GRID : 'transparent' },
               title: { display: horizontal, text: data.axis, color: INK },
               ticks: { color: INK, autoSkip: horizontal, maxRotation: 0, callback: horizontal ? undefined : wrapTick } },
          y: { beginAtZero: true, grid: { color: horizontal ? 'transparent' : GRID },
               ticks: { color: INK, autoSkip: false, callback: horizontal ? wrapTick : undefined },
               title: { display: !horizontal, text: data.axis, color: INK } }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) { return data.valueLabels[item.dataIndex]; } } },
          valueLabels: { labels: data.valueLabels }
        }
      }
    };
  }

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
        scales: { y: { beginAtZero: true, grid: { color: GRID }, ticks: { color: INK } },
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
               ticks: { color: INK, stepSize: 14, callback: function (v) { return fmt.format(new Date(v * dayMs)); } } },
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

  // Break long tick labels into lines: English at spaces, Chinese (no spaces) every 7 characters.
  function wrapLabel(label, width) {
    if (!label) return label;
    if (label.indexOf(' ') < 0) {
      if (label.length <= 7) return label;
      var chunks = [];
      for (var i = 0; i < label.length; i += 7) chunks.push(label.slice(i, i + 7));
      return chunks;
    }
    if (label.length <= width) return label;
    var lines = [];
    var line = '';
    label.split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + ' ' + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  function wrapTick(value) {
    return wrapLabel(this.getLabelForValue(value), 14);
  }

  function draw(canvas) {
    var data;
    try {
      data = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var config = data.type === 'line' ? lineConfig(data)
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

  function init() {
    labelCells();
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
