// The dashboard's wiring: the filter state (mirrored in the page URL so a view can be shared),
// the queries it sends to `eventmill serve` (docs/api.md), and the panels that show the answers.
import './style.css';
import { api } from './api.js';
import { SCHEMES, countryName } from './types.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { createFigures } from './figures.js';
import { createEventList } from './event_list.js';
import { createArticleView } from './article_view.js';

const FILTER_KEYS = ['country', 'type', 'actor', 'text', 'since', 'until'];
const EVENTS_PER_PAGE = 1000; // the API's largest page
const MAX_EVENTS = 10000; // the API's deepest offset + limit

const $ = (id) => document.getElementById(id);

const state = {
  filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])),
  scheme: 'plover',
  selection: null, // {events, label}: the place clicked on the map
  article: null, // {id, event}
};

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const k of FILTER_KEYS) state.filters[k] = q.get(k) || '';
  if (SCHEMES[q.get('scheme')]) state.scheme = q.get('scheme');
  state.article = q.get('article') ? { id: q.get('article'), event: q.get('event') || null } : null;
}

readUrl(); // before the panels are made: they start with the URL's typology

function writeUrl() {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) q.set(k, state.filters[k]);
  if (state.scheme !== 'plover') q.set('scheme', state.scheme);
  if (state.article) {
    q.set('article', state.article.id);
    if (state.article.event) q.set('event', state.article.event);
  }
  const s = q.toString();
  history.replaceState(null, '', s ? `?${s}` : location.pathname);
}

// --- status: which loads are in flight, errors -------------------------------------------------
let pending = 0;
function busy(delta) {
  pending += delta;
  document.body.dataset.state = pending > 0 ? 'loading' : 'ready';
}
function showError(error) {
  if (error && error.name === 'AbortError') return;
  const bar = $('error-bar');
  bar.textContent = error.message || String(error);
  bar.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => (bar.hidden = true), 8000);
}
async function track(promise) {
  busy(1);
  try {
    return await promise;
  } catch (error) {
    showError(error);
    return null;
  } finally {
    busy(-1);
  }
}

// --- panels ----------------------------------------------------------------------------------
const scheme = () => SCHEMES[state.scheme];
let loadedEvents = [];

const map = createMap($('map'), {
  onSelect(events, label) {
    state.selection = { events, label };
    showList();
  },
  onEmptyClick() {
    if (!state.selection) return;
    state.selection = null;
    map.clearSelection();
    showList();
  },
});
const figures = createFigures($('figures'), {
  onOpenReport(report) {
    openArticle(report.article.id, { span: report.span });
  },
});
const timeline = createTimeline($('timeline'), {
  onBrush(since, until) {
    state.filters.since = since || '';
    state.filters.until = until || '';
    $('timeline-range').textContent = since ? `${since} to ${until}` : 'drag across the days to filter';
    refresh({ datesOnly: true });
  },
  onView(view) {
    figures.setWindow(view);
  },
});
const list = createEventList($('event-list'), {
  scheme: scheme(),
  onOpen(event) {
    openArticle(event.article.id, { eventId: event.id });
  },
  onHover(id) {
    map.highlight(id);
  },
});
const article = createArticleView($('article-view'), {
  scheme: scheme(),
  onClose: closeArticle,
  onChoose(eventId) {
    article.choose(eventId);
    state.article = { ...state.article, event: eventId };
    list.mark(eventId);
    map.highlight(eventId);
    writeUrl();
  },
});

function openArticle(id, { eventId = null, span = null } = {}) {
  state.article = { id, event: eventId };
  writeUrl();
  list.mark(eventId);
  map.highlight(eventId);
  article.open(id, { eventId, span }).then(() => {
    const current = article.current();
    if (current && state.article && current.id === state.article.id) {
      state.article.event = current.eventId;
      writeUrl();
    }
  });
}
function closeArticle() {
  state.article = null;
  article.close();
  list.mark(null);
  map.highlight(null);
  writeUrl();
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.article) closeArticle();
});

function showList() {
  const shown = state.selection ? state.selection.events : loadedEvents;
  list.setEvents(shown);
  const sel = $('selection');
  sel.hidden = !state.selection;
  if (state.selection) {
    sel.replaceChildren();
    const label = document.createElement('span');
    label.textContent = `On the map: ${state.selection.label} · ${state.selection.events.length} event${state.selection.events.length > 1 ? 's' : ''}`;
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'small';
    clear.textContent = 'Show all';
    clear.addEventListener('click', () => {
      state.selection = null;
      map.clearSelection();
      showList();
    });
    sel.append(label, clear);
  }
  if (state.article) list.mark(state.article.event);
  showCount();
}

// --- filters ---------------------------------------------------------------------------------
// The legend: the types of the events shown, most frequent first.
function drawLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  const counts = new Map();
  for (const e of loadedEvents) {
    const type = scheme().typeOf(e);
    if (type) counts.set(type, (counts.get(type) || 0) + 1);
  }
  for (const [type, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    item.style.setProperty('--type-colour', scheme().colour(type));
    item.textContent = scheme().name(type);
    item.title = `${n} event${n > 1 ? 's' : ''} shown`;
    legend.append(item);
  }
}

function fillSelect(select, buckets, nameOf, value) {
  const first = select.options[0];
  select.replaceChildren(first);
  for (const b of buckets) {
    if (!b.key) continue;
    const option = document.createElement('option');
    option.value = b.key;
    option.textContent = `${nameOf(b.key)} (${b.events})`;
    select.append(option);
  }
  if (value && ![...select.options].some((o) => o.value === value)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
  select.value = value || '';
}

async function loadTypeOptions() {
  const response = await track(api.aggregates(scheme().aggregateBy, {}, {}));
  if (!response) return;
  fillSelect($('f-type'), response.buckets, (k) => scheme().name(k), state.filters.type);
}

async function loadStatic() {
  const [stats, countries] = await Promise.all([track(api.stats()), track(api.aggregates('country', {}, {}))]);
  if (stats) {
    // event_clusters: distinct events; events: their mentions (one per reporting article).
    const events = stats.event_clusters ?? stats.events;
    const n = (v) => (typeof v === 'number' ? v.toLocaleString('en') : '?');
    $('stats').textContent = `${n(stats.articles)} articles · ${n(events)} events${stats.backend ? ` · ${stats.backend}` : ''}`;
    $('stats').title = [
      `${n(stats.events)} mentions of events (one per reporting article)`,
      `${n(stats.duplicates)} near-duplicate articles`,
      `${n(stats.entities)} entities, ${n(stats.counts)} figures, ${n(stats.quotes)} quotes`,
      stats.last_run && stats.last_run.finished_at ? `last ingest ${stats.last_run.finished_at}` : null,
    ].filter(Boolean).join('\n');
  }
  if (countries) {
    const named = countries.buckets.filter((b) => b.key).sort((a, b) => countryName(a.key).localeCompare(countryName(b.key)));
    fillSelect($('f-country'), named, (k) => countryName(k), state.filters.country);
  }
}

function syncForm() {
  $('f-country').value = state.filters.country;
  $('f-type').value = state.filters.type;
  $('f-actor').value = state.filters.actor;
  $('f-text').value = state.filters.text;
  for (const b of document.querySelectorAll('#f-scheme button')) b.setAttribute('aria-pressed', String(b.dataset.scheme === state.scheme));
}

function bindForm() {
  const set = (key, value) => {
    if (state.filters[key] === value) return;
    state.filters[key] = value;
    refresh();
  };
  $('f-country').addEventListener('change', (e) => set('country', e.target.value));
  $('f-type').addEventListener('change', (e) => set('type', e.target.value));
  let timer = null;
  for (const key of ['actor', 'text']) {
    const input = $(`f-${key}`);
    const value = () => (key === 'actor' ? input.value.trim().toUpperCase() : input.value.trim());
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => set(key, value()), 450);
    });
    input.addEventListener('change', () => {
      clearTimeout(timer);
      set(key, value());
    });
  }
  for (const button of document.querySelectorAll('#f-scheme button')) {
    button.addEventListener('click', () => {
      if (state.scheme === button.dataset.scheme) return;
      state.scheme = button.dataset.scheme;
      const typeWasSet = state.filters.type !== '';
      state.filters.type = '';
      map.setScheme(scheme());
      list.setScheme(scheme());
      article.setScheme(scheme());
      syncForm();
      drawLegend();
      loadTypeOptions();
      if (typeWasSet) refresh();
      else writeUrl();
    });
  }
  $('f-reset').addEventListener('click', () => {
    for (const k of FILTER_KEYS) state.filters[k] = '';
    state.selection = null;
    syncForm();
    $('timeline-range').textContent = 'drag across the days to filter';
    refresh();
  });
  $('map-fit').addEventListener('click', () => map.fit());
  $('list-more').addEventListener('click', loadMore);
}

// --- queries ---------------------------------------------------------------------------------
let moreEvents = false; // whether /api/events has events after those loaded

function showCount() {
  const n = loadedEvents.length;
  $('list-count').textContent = `${n}${moreEvents ? '+' : ''} event${n === 1 ? '' : 's'}${moreEvents ? ` (the first ${n}, oldest first)` : ''}`;
  const button = $('list-more');
  button.hidden = !moreEvents || n + EVENTS_PER_PAGE > MAX_EVENTS || state.selection !== null;
}

// The next page of events, added to the list and the map.
async function loadMore() {
  const signal = generation ? generation.signal : undefined;
  const r = await track(api.events(state.filters, { limit: EVENTS_PER_PAGE, offset: loadedEvents.length }, signal));
  if (!r || (signal && signal.aborted)) return;
  loadedEvents = loadedEvents.concat(r.events);
  moreEvents = r.more;
  map.setEvents(loadedEvents, { refit: 'if-hidden' });
  drawLegend();
  showList();
  showCount();
}

let generation = null;
const actorsSeen = new Set();

async function refresh({ datesOnly = false } = {}) {
  writeUrl();
  if (generation) generation.abort();
  generation = new AbortController();
  const signal = generation.signal;
  const filters = { ...state.filters };
  if (!datesOnly) state.selection = null;

  const days = datesOnly
    ? null
    : track(api.aggregates('day', filters, { withDates: false }, signal)).then((r) => {
        if (!r || signal.aborted) return;
        const undated = timeline.setDays(r.buckets, filters.since, filters.until);
        $('timeline-range').textContent = filters.since
          ? `${filters.since} to ${filters.until || '…'}`
          : `drag across the days to filter${undated ? ` · ${undated} event${undated > 1 ? 's' : ''} without a day` : ''}`;
      });
  const events = track(api.events(filters, { limit: EVENTS_PER_PAGE }, signal)).then((r) => {
    if (!r || signal.aborted) return;
    loadedEvents = r.events;
    moreEvents = r.more;
    if (state.selection) {
      const ids = new Set(loadedEvents.map((e) => e.id));
      state.selection.events = state.selection.events.filter((e) => ids.has(e.id));
      if (state.selection.events.length === 0) state.selection = null;
    }
    map.setEvents(loadedEvents, { refit: datesOnly ? 'if-hidden' : true });
    drawLegend();
    showList();
    showCount();
    for (const e of loadedEvents) for (const a of [e.source, e.target]) if (a && a.code) actorsSeen.add(a.code);
    const datalist = $('actor-codes');
    datalist.replaceChildren(...[...actorsSeen].sort().map((code) => Object.assign(document.createElement('option'), { value: code })));
  });
  const figs = track(api.figures(filters, signal)).then((r) => {
    if (!r || signal.aborted) return;
    figures.setFigures(r);
  });
  await Promise.all([days, events, figs]);
}

// --- start -----------------------------------------------------------------------------------
syncForm();
bindForm();
map.setScheme(scheme());
document.body.dataset.state = 'loading';
// The panels first; then the filters' option lists, which count over the whole database (slow on
// a big one, and not needed to see the events).
refresh().then(() => {
  if (state.article) openArticle(state.article.id, { eventId: state.article.event });
  loadStatic();
  loadTypeOptions();
});
