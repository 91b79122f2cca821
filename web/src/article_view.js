// The article view: one stored article (/api/articles/{id}) with its text, and for the chosen
// event its evidence sentence, source and target actors, place, date and figures highlighted.
// Spans are byte offsets into the UTF-8 text, converted with ByteOffsets (spans.js). The other
// events' sentences are underlined and can be clicked to choose them.
import { api } from './api.js';
import { ByteOffsets, cutIntoRuns } from './spans.js';
import { formatFigure } from './figures.js';
import { actorLabel } from './event_list.js';
import { cameoName, countryName } from './types.js';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAYS = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
// Date expressions of English news text, used only to mark an event's date in its own sentence
// when the server gives no date spans; the date itself always comes from the server.
const DATE_EXPRESSION = new RegExp(
  [
    `\\b(?:[Oo]n |[Ss]ince |[Bb]y |[Uu]ntil |[Ll]ast |[Tt]his |[Nn]ext |[Ee]arly |[Ll]ate )?(?:the )?` +
      `(?:${WEEKDAYS}(?:,? \\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}))?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})(?:,? \\d{4})?|(?:beginning |end |middle )?(?:of )?(?:${MONTHS})(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? \\d{4})?)\\b`,
    `\\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast (?:night|week|month|year)|[Tt]his (?:morning|afternoon|evening|week))\\b`,
    `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
    `\\b(?:in |since |until )?(?:19|20)\\d{2}\\b`,
  ].join('|'),
  'g',
);

// [begin, end) string indices of the date expression of `event` in its sentence, or null.
function findDateInSentence(text, sentenceRange, event, dates, offsets) {
  if (!event.date || event.date.basis === 'published') return null;
  if (Array.isArray(dates)) {
    for (const mention of dates) {
      const value = mention.date ? mention.date.value : mention.value;
      const r = offsets.range(mention.span);
      if (r && value === event.date.value && r[0] >= sentenceRange[0] && r[1] <= sentenceRange[1]) return r;
    }
  }
  const sentence = text.slice(sentenceRange[0], sentenceRange[1]);
  const found = [...sentence.matchAll(DATE_EXPRESSION)];
  if (found.length === 0) return null;
  const year = event.date.value.slice(0, 4);
  const monthName = MONTHS.split('|')[Number(event.date.value.slice(5, 7)) - 1];
  const score = (m) => (m[0].includes(year) ? 2 : 0) + (monthName && m[0].includes(monthName) ? 1 : 0);
  const best = found.reduce((a, b) => (score(b) > score(a) ? b : a));
  return [sentenceRange[0] + best.index, sentenceRange[0] + best.index + best[0].length];
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const LEGEND = [
  ['evidence', 'evidence sentence'],
  ['source', 'source actor'],
  ['target', 'target actor'],
  ['place', 'place'],
  ['date', 'date'],
  ['count', 'figure'],
];

export function createArticleView(aside, { onClose, onChoose, scheme }) {
  let currentScheme = scheme;
  let loaded = null; // {article, events, copies, offsets}
  let chosenId = null;
  let focusSpan = null;
  let request = null;

  aside.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onClose();
  });

  function eventRows() {
    // The article's own events (their actors carry spans) with the tallies of the matching rows of
    // /api/events (num_mentions, num_articles…), matched by id.
    const byId = new Map((loaded.events || []).map((e) => [e.id, e]));
    return (loaded.article.events || []).map((e) => ({ ...(byId.get(e.id) || {}), ...e }));
  }

  function marksFor(chosen, others) {
    const { offsets, article } = loaded;
    const marks = [];
    const add = (span, kind, extra = {}) => {
      const r = offsets.range(span);
      if (r) marks.push({ begin: r[0], end: r[1], kind, ...extra });
    };
    for (const e of others) if (!chosen || e.id !== chosen.id) add(e.evidence && e.evidence.span, 'other', { eventId: e.id });
    if (chosen) {
      add(chosen.evidence && chosen.evidence.span, 'evidence');
      add(chosen.source && chosen.source.span, 'source');
      add(chosen.target && chosen.target.span, 'target');
      add(chosen.location && chosen.location.span, 'place');
      for (const c of chosen.counts || []) add(c.span, 'count');
      const sentence = offsets.range(chosen.evidence && chosen.evidence.span);
      if (sentence) {
        const date = findDateInSentence(article.text, sentence, chosen, article.dates, offsets);
        if (date) marks.push({ begin: date[0], end: date[1], kind: 'date' });
      }
    }
    if (focusSpan) add(focusSpan, 'focus');
    return marks;
  }

  function renderText(container, chosen, events) {
    const text = loaded.article.text || '';
    const runs = cutIntoRuns(text.length, marksFor(chosen, events));
    const frag = document.createDocumentFragment();
    for (const run of runs) {
      const piece = text.slice(run.begin, run.end);
      if (run.marks.length === 0) {
        frag.append(piece);
        continue;
      }
      const span = el('span', ['hl', ...new Set(run.marks.map((m) => `hl-${m.kind}`))].join(' '), piece);
      const other = run.marks.find((m) => m.kind === 'other');
      if (other && !run.marks.some((m) => m.kind === 'evidence')) {
        span.dataset.event = other.eventId;
        span.title = 'another event: click to show it';
        span.addEventListener('click', () => onChoose(other.eventId));
      }
      frag.append(span);
    }
    container.replaceChildren(frag);
  }

  function factRow(dl, kind, label, value) {
    if (!value) return;
    const dt = el('dt', null, label);
    const dd = el('dd', kind ? `fact fact-${kind}` : 'fact', value);
    dl.append(dt, dd);
  }

  function renderFacts(chosen) {
    const box = el('div', 'facts');
    const dl = el('dl');
    const type = currentScheme.typeOf(chosen);
    factRow(dl, null, 'Type', [chosen.plover && `${chosen.plover}${chosen.plover_mode ? ` / ${chosen.plover_mode}` : ''}`, chosen.cameo && `CAMEO ${chosen.cameo} ${cameoName(chosen.cameo)}`, chosen.acled && chosen.acled.event_type && `ACLED ${chosen.acled.event_type} / ${chosen.acled.sub_event_type}`].filter(Boolean).join(' · '));
    factRow(dl, 'source', 'Source', actorLabel(chosen.source));
    factRow(dl, 'target', 'Target', actorLabel(chosen.target));
    const loc = chosen.location;
    const where = loc && [loc.name, loc.admin1 !== loc.name && loc.admin1, loc.country && countryName(loc.country) !== loc.name && countryName(loc.country)].filter(Boolean).join(', ');
    const named = loc && loc.span && loc.span[1] > loc.span[0];
    factRow(dl, 'place', 'Place', loc && `${where} · ${loc.precision || '?'} level${named ? '' : ' · not named in the text (inferred)'}`);
    factRow(dl, 'date', 'Date', chosen.date && `${chosen.date.value} (${chosen.date.precision}, ${chosen.date.basis === 'published' ? 'the publication date' : chosen.date.basis})`);
    factRow(dl, 'count', 'Figures', (chosen.counts || []).map((c) => `${formatFigure(c.value, c.qualifier)} ${c.kind}`).join(', '));
    factRow(dl, null, 'Modality', chosen.modality);
    factRow(dl, null, 'Confidence', chosen.confidence !== undefined ? String(chosen.confidence) : null);
    if (chosen.num_articles) factRow(dl, null, 'Reported', `in ${chosen.num_articles} article${chosen.num_articles > 1 ? 's' : ''} (${chosen.num_mentions} mention${chosen.num_mentions > 1 ? 's' : ''}, ${chosen.num_sources} source${chosen.num_sources > 1 ? 's' : ''})`);
    box.append(dl);
    if (type) box.style.setProperty('--type-colour', currentScheme.colour(type));
    return box;
  }

  function render() {
    const { article, copies } = loaded;
    const events = eventRows();
    const chosen = events.find((e) => e.id === chosenId) || null;
    aside.replaceChildren();

    const head = el('div', 'article-head');
    const close = el('button', 'small close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the article');
    close.addEventListener('click', onClose);
    head.append(close, el('h2', 'article-title', article.title || '(untitled)'));
    const meta = el('div', 'article-meta');
    if (article.site_name) meta.append(el('span', 'site', article.site_name));
    const published = el('span', 'published', article.published || 'no publication date');
    if (chosen && chosen.date && chosen.date.basis === 'published') published.classList.add('hl', 'hl-date');
    meta.append(published);
    if (article.authors && article.authors.length) meta.append(el('span', null, `by ${article.authors.join(', ')}`));
    if (article.attributed_sources && article.attributed_sources.length) meta.append(el('span', null, `credits ${article.attributed_sources.join(', ')}`));
    if (article.url) {
      const a = el('a', 'url', new URL(article.url, location.href).hostname);
      a.href = article.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.title = article.url;
      meta.append(a);
    }
    head.append(meta);
    if (copies && copies.length) {
      const c = el('div', 'copies', `Near-copies: ${copies.map((x) => `${x.site_name || x.title} (${(x.published || '').slice(0, 10)})`).join('; ')}`);
      head.append(c);
    }
    if (article.duplicate_of) head.append(el('div', 'copies', `A near-copy of article ${article.duplicate_of}`));
    aside.append(head);

    const chips = el('div', 'article-events');
    chips.append(el('span', 'hint', `${events.length} event${events.length === 1 ? '' : 's'}:`));
    for (const e of events) {
      const type = currentScheme.typeOf(e);
      const chip = el('button', 'event-chip', `${type ? currentScheme.name(type) : `no ${currentScheme.label} type`} ${e.plover_mode || ''} · ${e.date ? e.date.value : ''}`);
      chip.type = 'button';
      chip.dataset.id = e.id;
      chip.style.setProperty('--type-colour', currentScheme.colour(currentScheme.typeOf(e)));
      chip.classList.toggle('current', e.id === chosenId);
      chip.addEventListener('click', () => onChoose(e.id));
      chips.append(chip);
    }
    aside.append(chips);

    if (chosen) aside.append(renderFacts(chosen));
    const legend = el('div', 'article-legend');
    for (const [kind, label] of LEGEND) legend.append(el('span', `hl hl-${kind}`, label));
    aside.append(legend);

    const body = el('div', 'article-text');
    body.lang = article.language || '';
    renderText(body, chosen, events);
    aside.append(body);

    const target = body.querySelector('.hl-focus') || body.querySelector('.hl-evidence');
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
    else body.scrollTop = 0;
  }

  return {
    // Shows article `id`, with event `eventId` chosen and `span` (bytes) marked; loads it if needed.
    async open(id, { eventId = null, span = null } = {}) {
      aside.hidden = false;
      document.body.classList.add('article-open');
      focusSpan = span;
      if (loaded && loaded.article.id === id) {
        chosenId = eventId || chosenId;
        render();
        return;
      }
      if (request) request.abort();
      request = new AbortController();
      aside.replaceChildren(el('div', 'loading', 'Loading the article…'));
      try {
        const response = await api.article(id, request.signal);
        loaded = { ...response, offsets: new ByteOffsets(response.article.text || '') };
        const events = eventRows();
        if (!eventId && span) {
          const holder = events.find((e) => (e.counts || []).some((c) => c.span && c.span[0] === span[0] && c.span[1] === span[1]));
          eventId = holder ? holder.id : null;
        }
        chosenId = eventId || (events[0] && events[0].id) || null;
        render();
        aside.focus();
      } catch (error) {
        if (error.name === 'AbortError') return;
        aside.replaceChildren(el('div', 'error', error.message));
      }
    },
    choose(eventId) {
      if (!loaded) return;
      chosenId = eventId;
      focusSpan = null;
      render();
    },
    close() {
      aside.hidden = true;
      document.body.classList.remove('article-open');
      if (request) request.abort();
    },
    setScheme(s) {
      currentScheme = s;
      if (loaded && !aside.hidden) render();
    },
    current() {
      return loaded && !aside.hidden ? { id: loaded.article.id, eventId: chosenId } : null;
    },
  };
}
