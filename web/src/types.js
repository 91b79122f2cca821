// The three event typologies the dashboard can colour and filter by (CAMEO, PLOVER, ACLED): how to
// read an event's type under each, what the server's `type` filter and `/api/aggregates?by=` call
// it, and a stable colour per type (the same type keeps its colour whatever the filters).

const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

// Cooperation in blues and greens, verbal conflict in yellows and purples, material conflict in reds.
const CAMEO_COLOURS = {
  '01': '#9ecae1', '02': '#6baed6', '03': '#4292c6', '04': '#2171b5', '05': '#08519c',
  '06': '#74c476', '07': '#41ab5d', '08': '#238b45', '09': '#80cdc1',
  '10': '#dfc27d', '11': '#bf812d', '12': '#8c510a', '13': '#e377c2', '14': '#8e44ad',
  '15': '#fdae6b', '16': '#a1887f', '17': '#f16913', '18': '#d62728', '19': '#a50f15', '20': '#4a0000',
};

const PLOVER_COLOURS = {
  AGREE: '#2171b5', CONSULT: '#6baed6', SUPPORT: '#4292c6', CONCEDE: '#80cdc1', COOPERATE: '#08519c',
  AID: '#41ab5d', RETREAT: '#74c476', REQUEST: '#9ecae1', ACCUSE: '#bf812d', REJECT: '#8c510a',
  THREATEN: '#e377c2', PROTEST: '#8e44ad', SANCTION: '#a1887f', MOBILIZE: '#fdae6b', COERCE: '#f16913',
  ASSAULT: '#d62728',
};

const ACLED_COLOURS = {
  Battles: '#a50f15', 'Explosions/Remote violence': '#f16913', 'Violence against civilians': '#d62728',
  Protests: '#8e44ad', Riots: '#e377c2', 'Strategic developments': '#2171b5',
};

const FALLBACK = '#7f7f7f';

export const SCHEMES = {
  plover: {
    label: 'PLOVER',
    aggregateBy: 'type',
    typeOf: (e) => e.plover || null,
    name: (key) => key,
    colour: (key) => PLOVER_COLOURS[key] || FALLBACK,
  },
  cameo: {
    label: 'CAMEO',
    aggregateBy: 'cameo',
    typeOf: (e) => e.cameo_root || (e.cameo ? e.cameo.slice(0, 2) : null),
    name: (key) => (CAMEO_ROOTS[key] ? `${key} ${CAMEO_ROOTS[key]}` : key),
    colour: (key) => CAMEO_COLOURS[key] || FALLBACK,
  },
  acled: {
    label: 'ACLED',
    aggregateBy: 'acled',
    typeOf: (e) => (e.acled && e.acled.event_type) || null,
    name: (key) => key,
    colour: (key) => ACLED_COLOURS[key] || FALLBACK,
  },
};

export function cameoName(code) {
  return CAMEO_ROOTS[String(code).slice(0, 2)] || '';
}

// "KZ" → "Kazakhstan" (the browser's own names; no network).
const regionNames = typeof Intl !== 'undefined' && Intl.DisplayNames ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
export function countryName(code) {
  if (!code) return 'no location';
  try {
    return (regionNames && regionNames.of(code)) || code;
  } catch {
    return code;
  }
}
