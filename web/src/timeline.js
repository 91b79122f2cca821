// The timeline: events per day as bars (from /api/aggregates?by=day, all dates, the other filters
// applied). Dragging across the bars selects days, which filters every other panel (since/until).
// Under it, an overview of the whole period whose window picks the days shown above; by default
// the window is the busiest month (busiestStretch).
import * as d3 from 'd3';

const DAY = 24 * 3600 * 1000;
const parseDay = d3.utcParse('%Y-%m-%d');
export const formatDay = d3.utcFormat('%Y-%m-%d');
const isDay = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const MARGIN = { left: 34, right: 22, top: 8 };
const FOCUS_HEIGHT = 92;
const AXIS_HEIGHT = 20;
const OVERVIEW_HEIGHT = 22;

// The days the focus shows first: all of them when they span at most `maxDays`, else the stretch of
// at most `maxDays` days holding the most events, trimmed to its first and last day with events;
// padded, and at least `minDays` wide. `days` are sorted {date, events}.
export function busiestStretch(days, maxDays = 31, minDays = 14) {
  if (days.length === 0) return null;
  let best = [days[0].date, days[days.length - 1].date];
  if (+best[1] - +best[0] > maxDays * DAY) {
    let most = -1;
    let sum = 0;
    for (let i = 0, j = 0; j < days.length; j++) {
      sum += days[j].events;
      while (+days[j].date - +days[i].date >= maxDays * DAY) sum -= days[i++].events;
      if (sum > most) {
        most = sum;
        best = [days[i].date, days[j].date];
      }
    }
  }
  let [a, b] = [+best[0] - DAY, +best[1] + 2 * DAY];
  if (b - a < minDays * DAY) {
    const mid = (a + b) / 2;
    a = mid - (minDays / 2) * DAY;
    b = mid + (minDays / 2) * DAY;
  }
  return [new Date(Math.floor(a / DAY) * DAY), new Date(Math.ceil(b / DAY) * DAY)];
}

export function createTimeline(container, { onBrush, onView = () => {} }) {
  const svg = d3.select(container).append('svg').attr('class', 'timeline-svg');
  const clipId = `timeline-clip-${Math.random().toString(36).slice(2)}`;
  const clip = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
  const focus = svg.append('g').attr('class', 'focus');
  const bars = focus.append('g').attr('class', 'bars').attr('clip-path', `url(#${clipId})`);
  const xAxis = focus.append('g').attr('class', 'axis x');
  const yAxis = focus.append('g').attr('class', 'axis y');
  const brushLayer = focus.append('g').attr('class', 'brush');
  const overview = svg.append('g').attr('class', 'overview');
  const overviewBars = overview.append('g').attr('class', 'bars');
  const windowLayer = overview.append('g').attr('class', 'window-brush');
  const empty = d3.select(container).append('div').attr('class', 'empty').text('no dated events');

  let width = 0;
  let days = [];
  let full = null; // [first day, last day + 1]
  let view = null; // the focus window
  let selection = null; // [since, until + 1 day] as Dates, or null
  const x = d3.scaleUtc();
  const xo = d3.scaleUtc();
  const y = d3.scaleLinear();

  const brush = d3.brushX().on('end', brushed);
  const windowBrush = d3.brushX().on('brush end', windowed);

  function layout() {
    width = container.getBoundingClientRect().width;
    const height = MARGIN.top + FOCUS_HEIGHT + AXIS_HEIGHT + OVERVIEW_HEIGHT + 4;
    svg.attr('width', width).attr('height', height);
    const inner = Math.max(10, width - MARGIN.left - MARGIN.right);
    x.range([0, inner]);
    xo.range([0, inner]);
    y.range([FOCUS_HEIGHT, 0]);
    clip.attr('width', inner).attr('height', FOCUS_HEIGHT);
    focus.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    overview.attr('transform', `translate(${MARGIN.left},${MARGIN.top + FOCUS_HEIGHT + AXIS_HEIGHT})`);
    brush.extent([[0, 0], [inner, FOCUS_HEIGHT]]);
    windowBrush.extent([[0, 0], [inner, OVERVIEW_HEIGHT]]);
    brushLayer.call(brush);
    windowLayer.call(windowBrush);
  }
  new ResizeObserver(() => {
    const w = container.getBoundingClientRect().width;
    if (Math.abs(w - width) >= 1) {
      layout();
      draw();
    }
  }).observe(container);

  // The whole days a dragged range covers; an edge a hair (a pixel, at most a third of a day) into
  // a day does not take that day in.
  function snap(range) {
    const hair = Math.min(DAY / 3, +x.invert(1.5) - +x.invert(0));
    const a = d3.utcDay.floor(new Date(+range[0] + hair));
    let b = d3.utcDay.ceil(new Date(Math.max(+range[1] - hair, +a + 1)));
    if (+b === +a) b = d3.utcDay.offset(a, 1);
    return [a, b];
  }

  function brushed(event) {
    if (!event.sourceEvent) return; // moved by the code, not the user
    if (!event.selection) {
      selection = null;
      drawBars();
      onBrush(null, null);
      return;
    }
    selection = snap(event.selection.map(x.invert));
    brushLayer.call(brush.move, selection.map(x));
    drawBars();
    onBrush(formatDay(selection[0]), formatDay(d3.utcDay.offset(selection[1], -1)));
  }

  function windowed(event) {
    if (!event.sourceEvent) return;
    if (!event.selection) {
      view = full;
      windowLayer.call(windowBrush.move, full.map(xo));
    } else {
      view = event.selection.map(xo.invert);
    }
    drawFocus();
  }

  function draw() {
    const has = days.length > 0 && width > 0;
    empty.style('display', has ? null : 'block');
    svg.style('display', has ? null : 'none');
    if (!has) return;
    xo.domain(full);
    drawOverview();
    drawFocus();
  }

  function drawOverview() {
    const yo = d3.scaleLinear().domain([0, d3.max(days, (d) => d.events)]).range([OVERVIEW_HEIGHT, 2]);
    const w = Math.max(1, xo(d3.utcDay.offset(full[0], 1)) - xo(full[0]));
    overviewBars
      .selectAll('rect')
      .data(days)
      .join('rect')
      .attr('x', (d) => xo(d.date))
      .attr('width', w)
      .attr('y', (d) => yo(d.events))
      .attr('height', (d) => OVERVIEW_HEIGHT - yo(d.events));
    windowLayer.call(windowBrush.move, view.map(xo));
  }

  function drawFocus() {
    x.domain(view);
    onView(view);
    const visible = days.filter((d) => d.date >= view[0] && d.date < view[1]);
    y.domain([0, Math.max(1, d3.max(visible, (d) => d.events) || 1)]).nice();
    const ticks = Math.max(2, Math.floor(x.range()[1] / 80));
    // Days within a few months: "Jan 5", the year on the first tick and on each 1 January.
    const monthDay = d3.utcFormat('%b %-d');
    const withYear = d3.utcFormat('%b %-d, %Y');
    const short = +view[1] - +view[0] < 120 * DAY ? (d, i) => (i === 0 || (d.getUTCMonth() === 0 && d.getUTCDate() === 1) ? withYear(d) : monthDay(d)) : null;
    xAxis.attr('transform', `translate(0,${FOCUS_HEIGHT})`).call(d3.axisBottom(x).ticks(ticks).tickFormat(short).tickSizeOuter(0));
    yAxis.call(d3.axisLeft(y).ticks(3).tickFormat(d3.format('d')).tickSizeOuter(0));
    drawBars();
    brushLayer.call(brush.move, selection ? selection.map(x) : null);
  }

  function drawBars() {
    if (!view) return;
    const dayWidth = x(d3.utcDay.offset(view[0], 1)) - x(view[0]);
    const w = Math.max(1, dayWidth - (dayWidth > 4 ? 1 : 0));
    bars
      .selectAll('rect')
      .data(days.filter((d) => d.date >= d3.utcDay.offset(view[0], -1) && d.date < view[1]), (d) => d.key)
      .join((enter) => enter.append('rect').call((r) => r.append('title')))
      .attr('x', (d) => x(d.date))
      .attr('width', w)
      .attr('y', (d) => y(d.events))
      .attr('height', (d) => FOCUS_HEIGHT - y(d.events))
      .attr('data-day', (d) => d.key)
      .classed('out', (d) => selection !== null && (d.date < selection[0] || d.date >= selection[1]))
      .select('title')
      .text((d) => `${d.key}: ${d.events} event${d.events > 1 ? 's' : ''} (${d.mentions} mention${d.mentions > 1 ? 's' : ''})`);
  }

  return {
    // buckets: /api/aggregates?by=day; since/until: the current filter (YYYY-MM-DD) or null.
    setDays(buckets, since, until, { keepView = false } = {}) {
      days = buckets
        .filter((b) => typeof b.key === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.key))
        .map((b) => ({ ...b, date: parseDay(b.key) }))
        .filter((b) => b.date)
        .sort((a, b) => a.date - b.date);
      if (days.length > 0) {
        full = [days[0].date, d3.utcDay.offset(days[days.length - 1].date, 1)];
        if (+full[1] - +full[0] < 7 * DAY) full = [d3.utcDay.offset(full[0], -3), d3.utcDay.offset(full[1], 3)];
        if (!keepView || !view) view = busiestStretch(days);
        // A selection given by the URL stays in sight.
        const chosen = isDay(since) && isDay(until) ? [parseDay(since), d3.utcDay.offset(parseDay(until), 1)] : null;
        if (chosen && (chosen[0] < view[0] || chosen[1] > view[1])) {
          view = busiestStretch(days.filter((d) => d.date >= chosen[0] && d.date < chosen[1]));
          if (!view || view[0] > chosen[0] || view[1] < chosen[1]) view = chosen;
        }
        view = [new Date(Math.max(+view[0], +full[0])), new Date(Math.min(+view[1], +full[1]))];
        if (+view[1] - +view[0] < DAY) view = full;
      }
      this.setSelection(since, until, false);
      if (!width) layout();
      draw();
      return buckets.reduce((n, b) => n + (days.some((d) => d.key === b.key) ? 0 : b.events), 0);
    },
    setSelection(since, until, redraw = true) {
      const a = isDay(since) ? parseDay(since) : null;
      const b = isDay(until) ? parseDay(until) : null;
      selection = a && b ? [a, d3.utcDay.offset(b, 1)] : null;
      if (redraw && view) drawFocus();
    },
  };
}
