/* veille: a dependency-free SVG bar chart of an entity's timeline.
 *
 * One <rect class="veille-bar"> per period with mentions (data-period, data-mentions,
 * data-articles), the height proportional to the mentions, on a time axis where empty periods
 * keep their place; clicking a bar jumps to that period's articles.
 * Used on /-/veille/entity/<id> (data in the data-veille-timeline attribute) and above the
 * table of any canned query that returns `periode` and `mentions` columns.
 * Text is only ever set with textContent: nothing from the database becomes HTML.
 */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var HEIGHT = 280;
  var MARGIN = { top: 24, right: 16, bottom: 64, left: 48 };

  function svgEl(name, attrs, text) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, String(attrs[key]));
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A tick step of 1, 2 or 5 x 10^k giving about four intervals, so every tick is a round integer. */
  function tickStep(max) {
    var raw = Math.max(1, max / 4);
    var magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * magnitude >= raw) return steps[i] * magnitude;
    }
    return 10 * magnitude;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDay(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate());
  }

  /* The period after `period` ("2024-05" month, "2024-05-06" day or week), or null. */
  function nextPeriod(period, by) {
    if (by === "month" && /^\d{4}-\d{2}$/.test(period)) {
      var parts = period.split("-").map(Number);
      var month = parts[1] === 12 ? 1 : parts[1] + 1;
      return (parts[1] === 12 ? parts[0] + 1 : parts[0]) + "-" + pad(month);
    }
    if ((by === "day" || by === "week") && /^\d{4}-\d{2}-\d{2}$/.test(period)) {
      var date = new Date(period + "T00:00:00Z");
      date.setUTCDate(date.getUTCDate() + (by === "week" ? 7 : 1));
      return isoDay(date);
    }
    return null;
  }

  /* Every period from the first to the last, the empty ones included, so time reads evenly. */
  function slots(series, by) {
    var all = [];
    var period = series[0].periode;
    var last = series[series.length - 1].periode;
    while (period !== null && period <= last && all.length <= 1500) {
      all.push(period);
      if (period === last) break;
      period = nextPeriod(period, by);
    }
    var known = {};
    all.forEach(function (p) { known[p] = true; });
    if (period === last && series.every(function (d) { return known[d.periode]; })) return all;
    return series.map(function (d) { return d.periode; });  // unknown format: one slot per period
  }

  function drawAxis(svg, innerW, innerH, max, step) {
    for (var value = 0; value <= max; value += step) {
      var y = MARGIN.top + innerH - (innerH * value) / max;
      svg.appendChild(svgEl("line", {
        x1: MARGIN.left, x2: MARGIN.left + innerW, y1: y, y2: y,
        "class": "veille-grid", stroke: "#ddd", "stroke-width": 1,
      }));
      svg.appendChild(svgEl("text", {
        x: MARGIN.left - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#555",
      }, String(value)));
    }
  }

  function drawLabel(svg, x, innerH, text, rotate) {
    var y = MARGIN.top + innerH + 14;
    var attrs = { x: x, y: y, "font-size": 11, fill: "#333", "class": "veille-period-label" };
    if (rotate) {
      attrs["text-anchor"] = "end";
      attrs.transform = "rotate(-40 " + x + " " + y + ")";
    } else {
      attrs["text-anchor"] = "middle";
    }
    svg.appendChild(svgEl("text", attrs, text));
  }

  function drawBar(svg, d, x, width, innerH, max, linkPrefix) {
    var h = Math.max(1, (innerH * d.mentions) / max);
    var group = linkPrefix === null ? svg : svgEl("a", { href: linkPrefix + d.periode });
    if (group !== svg) svg.appendChild(group);
    var rect = svgEl("rect", {
      x: x, y: MARGIN.top + innerH - h, width: width, height: h,
      fill: "#2b6cb0", "class": "veille-bar",
      "data-period": d.periode, "data-mentions": d.mentions, "data-articles": d.articles,
    });
    rect.appendChild(svgEl("title", {}, d.periode + " : " + d.mentions + " mention(s), " +
      d.articles + " article(s)"));
    group.appendChild(rect);
  }

  function draw(container, series, options) {
    options = options || {};
    while (container.firstChild) container.removeChild(container.firstChild);
    if (!series.length) return null;
    var width = Math.max(320, container.clientWidth || 800);
    var innerW = width - MARGIN.left - MARGIN.right;
    var innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
    var peak = Math.max.apply(null, series.map(function (d) { return d.mentions; }));
    var step = tickStep(peak);
    var max = Math.max(step, Math.ceil(peak / step) * step);
    var svg = svgEl("svg", {
      width: width, height: HEIGHT, viewBox: "0 0 " + width + " " + HEIGHT,
      role: "img", "class": "veille-timeline-svg",
      "aria-label": "Mentions par période (" + series.length + " périodes)",
    });
    drawAxis(svg, innerW, innerH, max, step);
    var periods = slots(series, options.by || "month");
    var index = {};
    periods.forEach(function (p, i) { index[p] = i; });
    var band = innerW / periods.length;
    var barW = Math.max(1, band * 0.8);
    var rotate = periods.length > 8;
    var every = Math.max(1, Math.ceil(periods.length / Math.floor(innerW / (rotate ? 18 : 60))));
    var linkPrefix = options.linkPrefix === undefined ? "#periode-" : options.linkPrefix;
    periods.forEach(function (p, i) {
      if (i % every === 0) drawLabel(svg, MARGIN.left + i * band + band / 2, innerH, p, rotate);
    });
    series.forEach(function (d) {
      var x = MARGIN.left + index[d.periode] * band + (band - barW) / 2;
      drawBar(svg, d, x, barW, innerH, max, linkPrefix);
    });
    svg.appendChild(svgEl("text", {
      x: MARGIN.left, y: 11, "font-size": 11, fill: "#555",
    }, "mentions par " + ({ day: "jour", week: "semaine", month: "mois" }[options.by] || "période")));
    container.appendChild(svg);
    return svg;
  }

  /* A canned query's result table with `periode` and `mentions` columns -> series. */
  function seriesFromTable(table) {
    var rows = table.querySelectorAll("tbody tr");
    var series = [];
    rows.forEach(function (tr) {
      var period = tr.querySelector("td.col-periode");
      var mentions = tr.querySelector("td.col-mentions");
      var articles = tr.querySelector("td.col-articles");
      if (!period || !mentions) return;
      series.push({
        periode: period.textContent.trim(),
        mentions: parseInt(mentions.textContent, 10) || 0,
        articles: articles ? parseInt(articles.textContent, 10) || 0 : 0,
      });
    });
    return series;
  }

  function init() {
    document.querySelectorAll("[data-veille-timeline]").forEach(function (node) {
      draw(node, JSON.parse(node.getAttribute("data-veille-timeline")),
        { by: node.getAttribute("data-period-by") });
    });
    var table = document.querySelector("table.rows-and-columns");
    if (table && !document.querySelector("[data-veille-timeline]") &&
        table.querySelector("td.col-periode") && table.querySelector("td.col-mentions")) {
      var holder = document.createElement("div");
      holder.className = "veille-chart";
      holder.id = "veille-chart";
      table.parentNode.insertBefore(holder, table);
      var by = new URLSearchParams(window.location.search).get("by");
      draw(holder, seriesFromTable(table), { linkPrefix: null, by: by || "month" });
    }
  }

  window.veilleTimeline = { draw: draw, seriesFromTable: seriesFromTable };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
