// The world map: country shapes from world-atlas (Natural Earth, bundled, no tile server), the
// events as points placed at their location, merged into clusters (pies of their types) when they
// would overlap on screen. Wheel/drag zoom; "fit" zooms to where the events are. Clicking a
// cluster that spans several places zooms into it; clicking one place selects its events.
import * as d3 from 'd3';
import { feature, mesh } from 'topojson-client';
import atlasUrl from 'world-atlas/countries-50m.json?url';

const MIN_GAP_PX = 4; // markers closer than their radii and this gap merge into one
const MAX_FIT_ZOOM = 24;
const MAX_NAMED = 8; // the biggest markers carry their place's name

function markerRadius(n) {
  return Math.min(22, 6 + 2.2 * Math.sqrt(n - 1));
}

export function createMap(container, { onSelect, onEmptyClick }) {
  const svg = d3.select(container).append('svg').attr('class', 'map-svg').attr('role', 'img');
  const world = svg.append('g').attr('class', 'world');
  const sphere = world.append('path').attr('class', 'sphere');
  const graticule = world.append('path').attr('class', 'graticule');
  const land = world.append('g').attr('class', 'countries');
  const borders = world.append('path').attr('class', 'borders');
  const markers = svg.append('g').attr('class', 'markers');
  const note = d3.select(container).append('div').attr('class', 'map-note');

  let width = 0;
  let height = 0;
  let projection = d3.geoNaturalEarth1();
  let path = d3.geoPath(projection);
  let transform = d3.zoomIdentity;
  let atlas = null;
  let scheme = null;
  let sites = []; // events grouped by identical coordinates
  let located = [];
  let selectedKey = null;
  let highlightedId = null;
  let needsFit = true;
  let moves = 0; // zoom transitions started

  const zoom = d3
    .zoom()
    .scaleExtent([1, 64])
    .on('zoom', (event) => {
      transform = event.transform;
      world.attr('transform', transform);
      drawMarkers();
    });
  svg.call(zoom).on('dblclick.zoom', null);
  svg.on('click', (event) => {
    if (event.target === svg.node() || event.target.closest('.world')) onEmptyClick && onEmptyClick();
  });

  d3.json(atlasUrl).then((topology) => {
    const countries = feature(topology, topology.objects.countries).features;
    for (const c of countries) c.bounds = d3.geoBounds(c);
    atlas = { countries, borders: mesh(topology, topology.objects.countries, (a, b) => a !== b) };
    drawWorld();
    tintCountries();
  });

  function resize() {
    const box = container.getBoundingClientRect();
    if (box.width < 10 || box.height < 10) return;
    if (Math.abs(box.width - width) < 1 && Math.abs(box.height - height) < 1) return;
    width = box.width;
    height = box.height;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    projection = d3.geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], { type: 'Sphere' });
    path = d3.geoPath(projection);
    zoom.extent([[0, 0], [width, height]]).translateExtent([[-width, -height], [2 * width, 2 * height]]);
    reproject();
    drawWorld();
    fit(false);
  }
  new ResizeObserver(resize).observe(container);

  function drawWorld() {
    if (!width) return;
    sphere.attr('d', path({ type: 'Sphere' }));
    graticule.attr('d', path(d3.geoGraticule10()));
    if (!atlas) return;
    land
      .selectAll('path')
      .data(atlas.countries, (d) => d.id)
      .join('path')
      .attr('d', path)
      .append('title')
      .text((d) => d.properties.name);
    borders.attr('d', path(atlas.borders));
  }

  // The countries that hold a located event are drawn darker: found by point-in-shape, so no
  // table of codes is needed (world-atlas knows countries by ISO numeric code and name only).
  function tintCountries() {
    if (!atlas) return;
    const holding = new Set();
    for (const site of sites) {
      const [lon, lat] = site.lonlat;
      for (const c of atlas.countries) {
        const [[w, south], [e, north]] = c.bounds;
        const inLon = w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
        if (inLon && lat >= south && lat <= north && d3.geoContains(c, site.lonlat)) {
          holding.add(c);
          break;
        }
      }
    }
    land.selectAll('path').classed('has-events', (c) => holding.has(c));
  }

  function screenPoint(site) {
    return transform.apply(site.xy);
  }

  // Greedy clustering in screen space, biggest places first so they anchor their clusters.
  function clusters() {
    const out = [];
    const order = [...sites].sort((a, b) => b.events.length - a.events.length);
    for (const site of order) {
      const [x, y] = screenPoint(site);
      let home = null;
      for (const c of out) {
        if (Math.hypot(c.x0 - x, c.y0 - y) < markerRadius(c.n) + markerRadius(site.events.length) + MIN_GAP_PX) {
          home = c;
          break;
        }
      }
      if (!home) {
        home = { x0: x, y0: y, sites: [], n: 0 };
        out.push(home);
      }
      home.sites.push(site);
      home.n += site.events.length;
    }
    for (const c of out) {
      c.events = c.sites.flatMap((s) => s.events);
      c.key = c.sites.map((s) => s.key).sort().join('|');
      c.x = d3.mean(c.sites, (s) => screenPoint(s)[0] * s.events.length) / d3.mean(c.sites, (s) => s.events.length);
      c.y = d3.mean(c.sites, (s) => screenPoint(s)[1] * s.events.length) / d3.mean(c.sites, (s) => s.events.length);
      c.byType = d3.rollups(c.events, (v) => v.length, (e) => scheme.typeOf(e) || '?').sort((a, b) => b[1] - a[1]);
      c.label = labelOf(c);
      c.countryLevel = c.sites.every((s) => s.precision === 'country');
    }
    out.sort((a, b) => b.events.length - a.events.length);
    nameMarkers(out);
    return out;
  }

  // The biggest markers get their place's name to their right, unless it would cover another
  // marker or name (boxes estimated from the text length).
  function nameMarkers(list) {
    const taken = list.map((c) => {
      const r = markerRadius(c.events.length);
      return [c.x - r, c.y - r, c.x + r, c.y + r];
    });
    const overlaps = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let named = 0;
    for (const c of list) {
      c.named = false;
      if (named >= MAX_NAMED) continue;
      const r = markerRadius(c.events.length);
      const box = [c.x + r + 3, c.y - 7, c.x + r + 5 + 6.5 * c.label.length, c.y + 7];
      if (box[2] > width || taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      c.named = true;
      named++;
    }
  }

  function labelOf(c) {
    const names = [...new Set(c.sites.map((s) => s.name))];
    return names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  }

  function drawMarkers() {
    if (!width || !scheme) return;
    const list = clusters();
    const pie = d3.pie().sort(null).value((d) => d[1]);
    markers
      .selectAll('g.cluster')
      .data(list, (c) => c.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cluster');
        g.append('title');
        return g;
      })
      .attr('transform', (c) => `translate(${c.x},${c.y})`)
      .attr('data-count', (c) => c.events.length)
      .attr('data-label', (c) => c.label)
      .attr('data-places', (c) => c.sites.length)
      .classed('selected', (c) => selectedKey !== null && c.sites.some((s) => s.key === selectedKey || selectedKey.split('|').includes(s.key)))
      .classed('highlighted', (c) => highlightedId !== null && c.events.some((e) => e.id === highlightedId))
      .classed('country-level', (c) => c.countryLevel)
      .each(function (c) {
        const g = d3.select(this);
        const r = markerRadius(c.events.length);
        const arc = d3.arc().innerRadius(0).outerRadius(r);
        g.selectAll('path.slice')
          .data(pie(c.byType))
          .join('path')
          .attr('class', 'slice')
          .attr('d', c.byType.length > 1 ? arc : null)
          .attr('fill', (d) => scheme.colour(d.data[0]));
        g.selectAll('circle.dot')
          .data([c])
          .join('circle')
          .attr('class', 'dot')
          .attr('r', r)
          .attr('fill', c.byType.length > 1 ? 'none' : scheme.colour(c.byType[0][0]));
        g.selectAll('circle.ring')
          .data([c])
          .join('circle')
          .attr('class', 'ring')
          .attr('r', r + 4);
        g.selectAll('text.count')
          .data(c.events.length > 1 ? [c] : [])
          .join('text')
          .attr('class', 'count')
          .attr('dy', '0.35em')
          .text(c.events.length);
        g.selectAll('text.name')
          .data(c.named ? [c] : [])
          .join('text')
          .attr('class', 'name')
          .attr('x', r + 5)
          .attr('dy', '0.35em')
          .text(c.label);
        const types = c.byType.map(([t, n]) => `${scheme.name(t)}: ${n}`).join('\n');
        g.select('title').text(`${c.label}${c.countryLevel ? ' (country-level location)' : ''}\n${c.events.length} event${c.events.length > 1 ? 's' : ''}\n${types}`);
      })
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', (c) => `${c.label}: ${c.events.length} event${c.events.length > 1 ? 's' : ''}`)
      .on('click', (event, c) => {
        event.stopPropagation();
        activate(c);
      })
      .on('keydown', (event, c) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate(c);
        }
      });
  }

  // A marker of several places zooms into them; a marker of one place selects its events.
  function activate(c) {
    if (c.sites.length > 1 && transform.k < 64) {
      zoomTo(c.sites.map((s) => s.xy), 64, true);
    } else {
      selectedKey = c.key;
      drawMarkers();
      onSelect(c.events, c.label);
    }
  }

  // Zooms so that the projected points `xys` fill most of the view, at most `maxK`.
  function zoomTo(xys, maxK, animate) {
    if (!width) return;
    let t = d3.zoomIdentity;
    if (xys.length > 0) {
      const [x0, x1] = d3.extent(xys, (p) => p[0]);
      const [y0, y1] = d3.extent(xys, (p) => p[1]);
      const dx = Math.max(x1 - x0, 1e-6);
      const dy = Math.max(y1 - y0, 1e-6);
      let k = Math.min(maxK, 0.7 / Math.max(dx / width, dy / height));
      if (xys.length === 1 || (dx < 1 && dy < 1)) k = Math.min(maxK, 8);
      k = Math.max(1, k);
      t = d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    }
    if (!animate) {
      svg.call(zoom.transform, t);
      return;
    }
    // data-moving marks the transition, so that a test (or a screenshot) can wait for the view.
    const move = ++moves;
    svg.attr('data-moving', '1');
    svg
      .transition()
      .duration(500)
      .call(zoom.transform, t)
      .on('end interrupt', () => move === moves && svg.attr('data-moving', null));
  }

  function fit(animate = true) {
    needsFit = false;
    zoomTo(sites.map((s) => s.xy), MAX_FIT_ZOOM, animate);
  }

  // refit: true zooms to the events; 'if-hidden' only when some are out of view.
  function setEvents(events, { refit = false } = {}) {
    located = events.filter((e) => e.location && Number.isFinite(e.location.lat) && Number.isFinite(e.location.lon));
    const bySite = d3.group(located, (e) => `${e.location.lat.toFixed(4)},${e.location.lon.toFixed(4)}`);
    sites = [...bySite].map(([key, evs]) => ({
      key,
      events: evs,
      name: evs[0].location.name || evs[0].location.country || key,
      precision: evs[0].location.precision,
      lonlat: [evs[0].location.lon, evs[0].location.lat],
      xy: projection([evs[0].location.lon, evs[0].location.lat]),
    }));
    tintCountries();
    const missing = events.length - located.length;
    const countryLevel = sites.some((s) => s.precision === 'country');
    note.text(
      [missing > 0 && `${missing} event${missing > 1 ? 's' : ''} without a place`, countryLevel && 'dashed: only the country is known (drawn at its centre)']
        .filter(Boolean)
        .join(' · '),
    );
    if (!sites.some((s) => selectedKey && selectedKey.split('|').includes(s.key))) selectedKey = null;
    const hidden = () => sites.some((site) => {
      const [x, y] = screenPoint(site);
      return x < 0 || y < 0 || x > width || y > height;
    });
    if (needsFit || refit === true || (refit === 'if-hidden' && hidden())) fit(!needsFit);
    drawMarkers();
  }

  function reproject() {
    for (const s of sites) s.xy = projection([s.events[0].location.lon, s.events[0].location.lat]);
  }

  return {
    setScheme(s) {
      scheme = s;
      drawMarkers();
    },
    setEvents(events, options) {
      setEvents(events, options);
    },
    clearSelection() {
      selectedKey = null;
      drawMarkers();
    },
    highlight(eventId) {
      highlightedId = eventId;
      markers.selectAll('g.cluster').classed('highlighted', (c) => eventId !== null && c.events.some((e) => e.id === eventId));
    },
    fit() {
      fit(true);
    },
  };
}
