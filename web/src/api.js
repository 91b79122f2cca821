// The dashboard's only door to the server: one function per endpoint of docs/api.md. Each returns
// the parsed JSON or throws an Error carrying the server's one-line `error` message.

// Drops empty values so that an unset filter is not sent (the server refuses empty parameters).
function queryString(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function getJson(path, params = {}, signal) {
  const response = await fetch(`/api/${path}${queryString(params)}`, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new Error(`${path}: ${message}`);
  }
  return body;
}

// The event filters of docs/api.md ("Event filters"), taken from the dashboard's state.
export function eventFilters(filters, { withDates = true } = {}) {
  const { country, type, actor, text, since, until } = filters;
  return withDates ? { country, type, actor, text, since, until } : { country, type, actor, text };
}

export const api = {
  events: (filters, { limit = 1000, offset = 0 } = {}, signal) =>
    getJson('events', { ...eventFilters(filters), limit, offset }, signal),
  aggregates: (by, filters, options, signal) => getJson('aggregates', { by, ...eventFilters(filters, options) }, signal),
  figures: (filters, signal) => getJson('figures', eventFilters(filters), signal),
  article: (id, signal) => getJson(`articles/${encodeURIComponent(id)}`, {}, signal),
  stats: (signal) => getJson('stats', {}, signal),
};
