// The dashboard in a real headless browser (Debian's Chromium, driven by playwright-core; no browser
// is downloaded): starts `eventmill serve` on a free loopback port over a database, loads the
// dashboard, clicks a map point, brushes the timeline, opens articles from the list and the figures
// and checks that the highlighted text is exactly what the API's byte spans name. Every expected
// value comes from the API or the article text, none from this file. Saves screenshots.
//
//   node tests/e2e/dashboard_test.mjs --eventmill build/eventmill --db build/sample.db \
//        --web web/dist --screenshots build/screenshots [--url http://127.0.0.1:8080/] [--readme docs/dashboard.png]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
// Defaults: the build of `make sample`.
args.eventmill ||= path.join(root, 'build/eventmill');
args.db ||= path.join(root, 'build/sample.db');
args.web ||= path.join(root, 'web/dist');
const shots = args.screenshots || path.join(root, 'build/screenshots');
fs.mkdirSync(shots, { recursive: true });

let failures = 0;
const pass = (what) => console.log(`ok   ${what}`);
const fail = (what) => {
  console.log(`FAIL ${what}`);
  failures++;
};
const check = (cond, what, detail = '') => (cond ? pass(what) : fail(`${what}${detail ? `: ${detail}` : ''}`));
const started = Date.now();

// The UTF-8 bytes [b, e) of `text`, decoded: what a span names, computed independently of web/.
const byteSlice = (text, span) => Buffer.from(text, 'utf8').subarray(span[0], span[1]).toString('utf8');

// --- the server ----------------------------------------------------------------------------------
async function startServer() {
  if (args.url) return { url: args.url, stop: () => {} };
  const child = spawn(args.eventmill, ['serve', '--db', args.db, '--port', '0', '--web', args.web], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`eventmill serve printed no address in 10 s: ${stderr.slice(-400)}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`eventmill serve exited (${code}): ${stderr.slice(-400)}`)));
  });
  return {
    url,
    stop: () => new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }),
  };
}

async function getJson(base, p) {
  const r = await fetch(new URL(p, base));
  if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
  return r.json();
}

// --- the browser ---------------------------------------------------------------------------------
const server = await startServer();
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'eventmill-chromium-'));
let context = null;
try {
  context = await chromium.launchPersistentContext(userData, {
    executablePath: args.chromium || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await run(context, server.url);
} catch (error) {
  fail(`dashboard run: ${error.stack || error}`);
} finally {
  if (context) await context.close();
  await server.stop();
  fs.rmSync(userData, { recursive: true, force: true });
}
console.log(`${failures === 0 ? 'all passed' : `${failures} failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${shots}`);
process.exit(failures === 0 ? 0 : 1);

async function run(context, base) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  const offsite = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const origin = new URL(base).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:')) return route.continue();
    offsite.push(u);
    return route.abort();
  });
  const ready = () => page.waitForSelector('body[data-state=ready]', { timeout: 15000 });
  const settle = async () => {
    await page.waitForTimeout(150);
    await ready();
    await page.waitForSelector('.map-svg:not([data-moving])');
  };
  const listIds = () => page.$$eval('#event-list li.event', (lis) => lis.map((li) => li.dataset.id));

  // 1. The dashboard loads: the map, the clusters, the list and the timeline show the API's events.
  const all = await getJson(base, 'api/events?limit=1000');
  check(all.events.length > 0, `the database has events (${all.events.length})`);
  await page.goto(base);
  await settle();
  const countries = await page.$$eval('.countries path', (p) => p.length);
  check(countries > 150, `the map draws the world-atlas countries offline (${countries} shapes)`);
  const clusters = await page.$$eval('.cluster', (gs) => gs.map((g) => ({ count: +g.dataset.count, places: +g.dataset.places, label: g.dataset.label })));
  const located = all.events.filter((e) => e.location && Number.isFinite(e.location.lat));
  const onMap = clusters.reduce((n, c) => n + c.count, 0);
  check(onMap === located.length, `every located event is on the map (${onMap} in ${clusters.length} markers)`, `expected ${located.length}`);
  const ids = await listIds();
  check(ids.length === all.events.length && ids.every((id, i) => id === all.events[i].id), `the event list shows /api/events in order (${ids.length})`);
  const dayBars = await page.$$eval('.focus .bars rect', (rs) => rs.map((r) => r.dataset.day));
  check(dayBars.length > 0, `the timeline shows ${dayBars.length} days`);
  const figureRows = await page.$$eval('.figure-row', (rs) => rs.map((r) => r.dataset.kind));
  check(['arrested', 'killed', 'injured'].every((k) => figureRows.includes(k)), `the figures panel has ${figureRows.join(', ')}`);
  await page.screenshot({ path: path.join(shots, '01-dashboard.png') });

  // 2. Clicking a map point lists the events of that place.
  const single = clusters.filter((c) => c.places === 1).sort((a, b) => b.count - a.count)[0];
  if (!single) {
    fail('no map marker stands for a single place');
  } else {
    // Click the middle of its disc (the marker's box also holds its name, which takes no clicks).
    const disc = await page.$(`.cluster[data-places="1"][data-label="${single.label.replace(/"/g, '\\"')}"] circle.dot`);
    const box = await disc.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#selection:not([hidden])');
    const picked = await listIds();
    const there = new Set(located.filter((e) => e.location.name === single.label || `${e.location.lat}` === '').map((e) => e.id));
    check(picked.length === single.count && picked.every((id) => there.has(id)), `clicking the map point "${single.label}" lists its ${single.count} event(s)`, `listed ${picked.length}`);
    const selected = await page.$$eval('.cluster.selected', (g) => g.length);
    check(selected === 1, 'the clicked marker is marked as selected');
    await page.screenshot({ path: path.join(shots, '02-map-point.png') });
    await page.click('#selection button');
    check((await listIds()).length === all.events.length, '"Show all" lists every event again');
  }

  // 3. Brushing the timeline over its busiest day filters the list, the map and the figures.
  const buckets = (await getJson(base, 'api/aggregates?by=day')).buckets.filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.key || ''));
  const busiest = buckets.reduce((a, b) => (b.events > a.events ? b : a));
  const bar = await page.$(`.focus .bars rect[data-day="${busiest.key}"]`);
  if (!bar) {
    fail(`the busiest day ${busiest.key} has no bar in the timeline's window`);
  } else {
    // Drag across the bar, inside it when it is wide enough, else from just before to just after it.
    const box = await bar.boundingBox();
    const wide = box.width >= 6;
    const [x0, x1] = wide ? [box.x + 2, box.x + box.width - 2] : [box.x - 2, box.x + box.width + 2];
    const y = box.y + box.height / 2;
    await page.mouse.move(x0, y);
    await page.mouse.down();
    await page.mouse.move((x0 + x1) / 2, y, { steps: 2 });
    await page.mouse.move(x1, y, { steps: 2 });
    await page.mouse.up();
    await settle();
    const q = new URL(page.url()).searchParams;
    const [since, until] = [q.get('since'), q.get('until')];
    check(since && until && since <= busiest.key && busiest.key <= until && (!wide || since === until),
      `brushing across the bar of ${busiest.key} filters the days ${since} to ${until}`);
    const expected = await getJson(base, `api/events?since=${since}&until=${until}&limit=1000`);
    const brushed = await listIds();
    check(brushed.length === expected.events.length && brushed.every((id, i) => id === expected.events[i].id) && brushed.length >= busiest.events,
      `the list shows those days' ${expected.events.length} event(s)`, `listed ${brushed.length}`);
    const inside = buckets.filter((b) => b.key >= since && b.key <= until).length;
    const dimmed = await page.$$eval('.focus .bars rect.out', (r) => r.length);
    const shown = await page.$$eval('.focus .bars rect', (r) => r.length);
    check(dimmed === shown - inside, `the other days are dimmed (${dimmed} of ${shown})`);
    const mapped = await page.$$eval('.cluster', (gs) => gs.reduce((n, g) => n + +g.dataset.count, 0));
    check(mapped === expected.events.filter((e) => e.location && Number.isFinite(e.location.lat)).length, `the map shows only those days' located events (${mapped})`);
    await page.screenshot({ path: path.join(shots, '03-timeline-brushed.png') });
  }

  // 4. Opening an event of the list shows its article with the evidence, actors, place and figures
  // highlighted where the byte spans point; then every other event of that article, by its chip.
  const first = await page.$('#event-list li.event');
  const firstId = await first.getAttribute('data-id');
  await first.click();
  await page.waitForSelector('.article-text');
  const event = all.events.find((e) => e.id === firstId);
  const doc = await getJson(base, `api/articles/${event.article.id}`);
  await checkArticle(page, doc, firstId, 'the list');
  await page.screenshot({ path: path.join(shots, '04-article.png') });
  for (const other of doc.article.events.filter((e) => e.id !== firstId)) {
    await page.click(`.event-chip[data-id="${other.id}"]`);
    await checkArticle(page, doc, other.id, 'its chip', { quiet: true });
  }
  pass(`the ${doc.article.events.length} events of "${doc.article.title}" highlight their own spans`);

  // 5. The article with the most non-ASCII text before an event, opened from a shared URL: byte
  // offsets and string indices differ there, so a wrong conversion shows.
  const articles = (await getJson(base, 'api/articles?limit=1000')).articles.filter((a) => a.num_events > 0);
  let hardest = null;
  for (const a of articles) {
    const d = await getJson(base, `api/articles/${a.id}`);
    for (const e of d.article.events) {
      const before = d.article.text.slice(0, Buffer.from(d.article.text, 'utf8').subarray(0, e.evidence.span[0]).toString('utf8').length);
      const shift = Buffer.byteLength(before, 'utf8') - before.length;
      if (!hardest || shift > hardest.shift) hardest = { doc: d, event: e, shift };
    }
  }
  if (hardest && hardest.shift > 0) {
    await page.goto(`${base}?article=${hardest.doc.article.id}&event=${hardest.event.id}`);
    await page.waitForSelector('.article-text .hl-evidence');
    await checkArticle(page, hardest.doc, hardest.event.id, `a shared URL (bytes run ${hardest.shift} ahead of characters)`);
    await page.screenshot({ path: path.join(shots, '05-article-non-ascii.png') });
  } else {
    console.log('note: no event follows non-ASCII text in this database; the byte-offset check rests on the unit test');
  }

  // 6. A point of the figures panel lists its reports; a report opens its article on the figure.
  await page.goto(base);
  await settle();
  const point = await page.$('.figure-row .point');
  if (!point) {
    fail('the figures panel has no point');
  } else {
    const kind = await point.evaluate((g) => g.closest('.figure-row').dataset.kind);
    const day = await point.getAttribute('data-day');
    await point.click();
    await page.waitForSelector('.figure-sources .report');
    const figs = await getJson(base, `api/figures?kind=${kind}`);
    const p = figs.series[kind].find((x) => x.day === day);
    const reports = await page.$$eval('.figure-sources .report', (r) => r.length);
    check(reports === p.reports.length, `the ${kind} figure of ${day} lists its ${reports} report(s)`);
    await page.click('.figure-sources .report-article');
    await page.waitForSelector('.article-text .hl-focus');
    const focus = await page.$$eval('.article-text .hl-focus', (s) => s.map((x) => x.textContent).join(''));
    check(focus === p.reports[0].text, `the report's article opens with "${p.reports[0].text}" marked`, `marked "${focus}"`);
    await page.screenshot({ path: path.join(shots, '06-figure-source.png') });
  }

  // 7. The country filter narrows the list to the API's answer for it.
  await page.keyboard.press('Escape');
  const countryAgg = (await getJson(base, 'api/aggregates?by=country')).buckets.filter((b) => b.key);
  if (countryAgg.length === 0) {
    fail('no event has a country');
  } else {
    const top = countryAgg[0];
    await page.selectOption('#f-country', top.key);
    await settle();
    const listed = await listIds();
    const expected = await getJson(base, `api/events?country=${top.key}&limit=1000`);
    check(listed.length === expected.events.length && listed.length === top.events, `the country filter ${top.key} lists its ${top.events} events`, `listed ${listed.length}`);
    check(new URL(page.url()).searchParams.get('country') === top.key, 'the filter is kept in the page URL');
    await page.screenshot({ path: path.join(shots, '07-country-filter.png') });
    if (args.readme) await page.screenshot({ path: args.readme }); // the busiest country, a figure's sources open
  }

  // 8. The type filter under each typology, then an actor and a word of the text, each narrowing
  // the list to the API's answer for the same filters.
  for (const scheme of ['cameo', 'acled', 'plover']) {
    await page.click('#f-reset');
    await settle();
    await page.click(`#f-scheme button[data-scheme="${scheme}"]`);
    await settle();
    const options = await page.$$eval('#f-type option', (os) => os.map((o) => o.value).filter(Boolean));
    if (options.length === 0) {
      fail(`no ${scheme} types to filter by`);
      continue;
    }
    await page.selectOption('#f-type', options[0]);
    await settle();
    const expected = await getJson(base, `api/events?type=${encodeURIComponent(options[0])}&limit=1000`);
    const listed = await listIds();
    check(listed.length === expected.events.length && listed.length > 0, `${scheme} type "${options[0]}" lists its ${expected.events.length} events`, `listed ${listed.length}`);
  }
  const actor = all.events.map((e) => e.source && e.source.code).find(Boolean);
  const word = (all.events[0].evidence.sentence.match(/[A-Za-z]{6,}/) || [])[0];
  for (const [field, value] of [['actor', actor], ['text', word]]) {
    if (!value) continue;
    await page.click('#f-reset');
    await settle();
    await page.fill(`#f-${field}`, value);
    await page.press(`#f-${field}`, 'Enter');
    await page.waitForFunction(([f, v]) => new URLSearchParams(location.search).get(f) === v, [field, value]);
    await settle();
    const expected = await getJson(base, `api/events?${field}=${encodeURIComponent(value)}&limit=1000`);
    const listed = await listIds();
    check(listed.length === expected.events.length && listed.length > 0, `the ${field} filter "${value}" lists its ${expected.events.length} events`, `listed ${listed.length}`);
  }
  await page.screenshot({ path: path.join(shots, '08-text-filter.png') });

  check(offsite.length === 0, 'the page asks nothing of the network beyond the server', offsite.slice(0, 3).join(' '));
  check(problems.length === 0, 'no script error or console error', problems.slice(0, 3).join(' | '));

  // 9. A bad filter in a shared URL: the server's one-line error is shown, the page goes on.
  await page.goto(`${base}?since=2022-13`);
  const errorBar = await page.waitForSelector('#error-bar:not([hidden])', { timeout: 10000 }).catch(() => null);
  const message = errorBar ? await errorBar.textContent() : '';
  check(/since/.test(message) && /2022-13/.test(message), `a bad date in the URL shows the server's error: "${message}"`);
}

// The drawer shows article `doc` with event `eventId` chosen: its highlights name exactly the text
// the API's byte spans name.
async function checkArticle(page, doc, eventId, via, { quiet = false } = {}) {
  const e = doc.article.events.find((x) => x.id === eventId);
  const text = doc.article.text;
  const marked = await page.$$eval('.article-text', ([body]) => {
    const join = (cls) => [...body.querySelectorAll(`.hl-${cls}`)].map((s) => s.textContent);
    return { evidence: join('evidence').join(''), source: join('source'), target: join('target'), place: join('place'), count: join('count'), text: body.textContent };
  });
  const want = {
    evidence: byteSlice(text, e.evidence.span),
    source: e.source && e.source.span ? byteSlice(text, e.source.span) : null,
    target: e.target && e.target.span ? byteSlice(text, e.target.span) : null,
    place: e.location && e.location.span && e.location.span[1] > e.location.span[0] ? byteSlice(text, e.location.span) : null,
  };
  const problems = [];
  if (marked.text !== text) problems.push('the shown text differs from the article text');
  if (marked.evidence !== want.evidence || want.evidence !== e.evidence.sentence) problems.push(`evidence "${marked.evidence.slice(0, 60)}…" vs "${e.evidence.sentence.slice(0, 60)}…"`);
  for (const role of ['source', 'target', 'place']) {
    if (want[role] && !marked[role].join('').includes(want[role])) problems.push(`${role} "${marked[role].join('')}" lacks "${want[role]}"`);
  }
  for (const c of e.counts || []) {
    if (c.span && !marked.count.join('').includes(byteSlice(text, c.span))) problems.push(`figure "${c.text}" not marked`);
  }
  if (problems.length) fail(`${via}: event ${eventId} of ${doc.article.id}: ${problems.join('; ')}`);
  else if (!quiet) pass(`opened from ${via}: "${e.evidence.sentence.slice(0, 50)}…" and its actors, place and figures are highlighted`);
}
