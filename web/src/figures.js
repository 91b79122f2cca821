// The figures panel: for each kind (arrested, killed, injured…) the highest figure reported each
// day (/api/figures), drawn as a small line chart on a shared time axis. Clicking a point lists the
// reports behind it; clicking a report opens its article with the figure highlighted.
import * as d3 from 'd3';

const parseDay = d3.utcParse('%Y-%m-%d');
const number = d3.format(',');
const QUALIFIER = { exact: '', about: '≈', approx: '≈', more_than: '>', at_least: '≥', less_than: '<' };
const KIND_COLOUR = { arrested: '#f16913', killed: '#a50f15', injured: '#d6604d' };
const CHART_HEIGHT = 40;

export function formatFigure(value, qualifier) {
  return `${QUALIFIER[qualifier] || ''}${number(value)}`;
}

export function createFigures(container, { onOpenReport }) {
  const rows = d3.select(container).append('div').attr('class', 'figure-rows');
  const sources = d3.select(container).append('div').attr('class', 'figure-sources');
  let data = null;
  let picked = null; // {kind, day}
  let window = null; // the timeline's window [from, to) of Dates: the days drawn

  function draw() {
    const width = container.getBoundingClientRect().width;
    if (!data || !width) return;
    const kinds = data.kinds || Object.keys(data.series || {});
    const allDays = kinds.flatMap((k) => (data.series[k] || []).map((p) => parseDay(p.day))).filter(Boolean);
    const chartWidth = Math.max(60, width - 20 - 140 - 6); // the panel's padding, the headline column
    const x = d3.scaleUtc().range([6, chartWidth - 6]);
    if (window) {
      x.domain(window);
    } else if (allDays.length) {
      const [a, b] = d3.extent(allDays);
      x.domain(+a === +b ? [d3.utcDay.offset(a, -1), d3.utcDay.offset(b, 1)] : [a, b]);
    }
    const inView = (p) => !window || (p.date >= window[0] && p.date < window[1]);
    rows
      .selectAll('div.figure-row')
      .data(kinds, (k) => k)
      .join((enter) => {
        const row = enter.append('div').attr('class', 'figure-row');
        const head = row.append('div').attr('class', 'figure-head');
        head.append('div').attr('class', 'figure-kind');
        head.append('div').attr('class', 'figure-value');
        head.append('div').attr('class', 'figure-when');
        row.append('svg').attr('class', 'figure-chart');
        return row;
      })
      .attr('data-kind', (k) => k)
      .each(function (kind) {
        const row = d3.select(this);
        const every = (data.series[kind] || []).map((p) => ({ ...p, date: parseDay(p.day), kind })).filter((p) => p.date);
        const points = every.filter(inView);
        const top = d3.greatest(points, (p) => p.value);
        const outside = every.length - points.length;
        row.select('.figure-kind').text(kind);
        row.select('.figure-value').text(top ? formatFigure(top.value, top.qualifier) : '–');
        row.select('.figure-when').text(`${top ? `highest, ${top.day}` : every.length ? 'none in these days' : 'none reported'}`);
        row.attr('title', outside ? `${outside} more day${outside > 1 ? 's' : ''} of ${kind} figures outside the timeline's window` : null);
        const svg = row.select('svg').attr('width', chartWidth).attr('height', CHART_HEIGHT + 14);
        const y = d3.scaleLinear().domain([0, (top && top.value) || 1]).nice().range([CHART_HEIGHT, 4]);
        const colour = KIND_COLOUR[kind] || '#555';
        svg.selectAll('line.base').data([0]).join('line').attr('class', 'base').attr('x1', 0).attr('x2', chartWidth).attr('y1', CHART_HEIGHT).attr('y2', CHART_HEIGHT);
        svg
          .selectAll('path.line')
          .data([points])
          .join('path')
          .attr('class', 'line')
          .attr('stroke', colour)
          .attr('d', d3.line().x((p) => x(p.date)).y((p) => y(p.value)));
        svg
          .selectAll('g.point')
          .data(points, (p) => p.day)
          .join((enter) => {
            const g = enter.append('g').attr('class', 'point');
            g.append('circle').attr('class', 'hit').attr('r', 9);
            g.append('circle').attr('class', 'dot').attr('r', 4);
            g.append('title');
            return g;
          })
          .attr('transform', (p) => `translate(${x(p.date)},${y(p.value)})`)
          .attr('data-day', (p) => p.day)
          .classed('picked', (p) => picked && picked.kind === kind && picked.day === p.day)
          .each(function (p) {
            d3.select(this).select('.dot').attr('fill', colour);
            d3.select(this).select('title').text(`${p.day}: ${formatFigure(p.value, p.qualifier)} ${kind} (${p.reports_total || p.reports.length} report${(p.reports_total || p.reports.length) > 1 ? 's' : ''})`);
          })
          .on('click', (event, p) => {
            picked = picked && picked.kind === kind && picked.day === p.day ? null : { kind, day: p.day };
            draw();
          });
        const ends = allDays.length ? x.domain() : [];
        svg
          .selectAll('text.tick')
          .data(ends)
          .join('text')
          .attr('class', 'tick')
          .attr('x', (d, i) => (i === 0 ? 0 : chartWidth))
          .attr('y', CHART_HEIGHT + 12)
          .attr('text-anchor', (d, i) => (i === 0 ? 'start' : 'end'))
          .text((d) => d3.utcFormat('%b %-d, %Y')(d));
      });
    drawSources();
  }

  function drawSources() {
    const point = picked && (data.series[picked.kind] || []).find((p) => p.day === picked.day);
    sources.style('display', point ? null : 'none');
    if (!point) return;
    sources.html('');
    const head = sources.append('div').attr('class', 'sources-head');
    head.append('span').text(`${picked.kind[0].toUpperCase()}${picked.kind.slice(1)} on ${point.day}: ${formatFigure(point.value, point.qualifier)}`);
    const total = point.reports_total || point.reports.length;
    head.append('span').attr('class', 'hint').text(` · ${total} report${total > 1 ? 's' : ''}${total > point.reports.length ? `, ${point.reports.length} shown` : ''}`);
    head.append('button').attr('type', 'button').attr('class', 'small close').attr('aria-label', 'Close').text('×').on('click', () => {
      picked = null;
      draw();
    });
    const list = sources.append('ul');
    for (const report of point.reports) {
      const li = list.append('li').attr('class', 'report');
      li.append('span').attr('class', 'report-value').text(formatFigure(report.value, report.qualifier));
      li.append('q').text(report.text);
      const a = li.append('a').attr('href', '#').attr('class', 'report-article');
      a.text(`${report.article.site_name || 'article'}: ${report.article.title || report.article.id}`);
      a.on('click', (event) => {
        event.preventDefault();
        onOpenReport(report);
      });
    }
  }

  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = container.getBoundingClientRect().width;
    if (Math.abs(w - lastWidth) >= 1) {
      lastWidth = w;
      draw();
    }
  }).observe(container);

  return {
    // The days to draw: the timeline's window, so that both share one time axis.
    setWindow(range) {
      window = range;
      draw();
    },
    setFigures(response) {
      data = response;
      if (picked && !(data.series[picked.kind] || []).some((p) => p.day === picked.day)) picked = null;
      draw();
    },
  };
}
