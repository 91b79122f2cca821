// The event list: one entry per event (as /api/events gives them, oldest first) with its date,
// type, actors, place, figures and evidence sentence. Clicking an entry opens its article.
import { formatFigure } from './figures.js';
import { countryName, cameoName } from './types.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function actorLabel(actor) {
  if (!actor) return null;
  const name = actor.name || actor.text || '';
  return actor.code ? `${actor.code}${name ? ` ${name}` : ''}` : name;
}

export function placeLabel(location) {
  if (!location) return null;
  const parts = [location.name];
  if (location.country && location.name !== countryName(location.country)) parts.push(location.country);
  return parts.filter(Boolean).join(', ');
}

export function createEventList(list, { onOpen, onHover, scheme }) {
  let currentScheme = scheme;
  let events = [];

  function item(e) {
    const li = el('li', 'event');
    li.dataset.id = e.id;
    li.tabIndex = 0;
    const type = currentScheme.typeOf(e);
    li.style.setProperty('--type-colour', currentScheme.colour(type));

    const head = el('div', 'ev-head');
    head.append(el('span', 'ev-date', e.date ? e.date.value : '?'));
    const badge = el('span', type ? 'badge' : 'badge none', type ? currentScheme.name(type) : `no ${currentScheme.label} type`);
    badge.style.background = currentScheme.colour(type);
    head.append(badge);
    const detail = [e.plover_mode, e.cameo ? `CAMEO ${e.cameo}` : null, e.acled && e.acled.sub_event_type].filter(Boolean).join(' · ');
    const d = el('span', 'ev-detail', detail);
    d.title = e.cameo ? `${e.cameo} ${cameoName(e.cameo)}` : '';
    head.append(d);
    if (e.modality && e.modality !== 'asserted') head.append(el('span', 'ev-modality', e.modality));
    li.append(head);

    const who = [actorLabel(e.source), actorLabel(e.target)];
    if (who[0] || who[1]) {
      const actors = el('div', 'ev-actors');
      actors.append(el('span', 'ev-source', who[0] || '—'), el('span', 'arrow', ' → '), el('span', 'ev-target', who[1] || '—'));
      li.append(actors);
    }
    li.append(el('div', 'ev-sentence', e.evidence ? e.evidence.sentence : ''));

    const meta = el('div', 'ev-meta');
    const place = placeLabel(e.location);
    if (place) meta.append(el('span', 'ev-place', place));
    for (const c of e.counts || []) meta.append(el('span', `chip count ${c.kind}`, `${formatFigure(c.value, c.qualifier)} ${c.kind}`));
    const site = e.article ? e.article.site_name || e.article.title : '';
    const articles = e.num_articles > 1 ? ` +${e.num_articles - 1} article${e.num_articles > 2 ? 's' : ''}` : '';
    meta.append(el('span', 'ev-site', `${site}${articles}`));
    li.append(meta);

    li.addEventListener('click', () => onOpen(e));
    li.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') onOpen(e);
    });
    li.addEventListener('mouseenter', () => onHover(e.id));
    li.addEventListener('mouseleave', () => onHover(null));
    return li;
  }

  function draw() {
    list.replaceChildren(...events.map(item));
    if (events.length === 0) list.append(el('li', 'empty', 'No event matches these filters.'));
  }

  return {
    setEvents(next) {
      events = next;
      draw();
    },
    setScheme(s) {
      currentScheme = s;
      draw();
    },
    mark(id) {
      for (const li of list.querySelectorAll('li.event')) li.classList.toggle('current', li.dataset.id === id);
    },
  };
}
