// node --test web/src/: which days the timeline shows first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busiestStretch, formatDay } from './timeline.js';

const days = (pairs) => pairs.map(([key, events]) => ({ key, events, date: new Date(`${key}T00:00:00Z`) }));

test('a short period is shown whole, padded to two weeks', () => {
  const [from, to] = busiestStretch(days([['2022-01-02', 1], ['2022-01-05', 15], ['2022-01-11', 2]]));
  assert.ok(formatDay(from) <= '2022-01-01' && formatDay(to) >= '2022-01-12');
  assert.ok(+to - +from >= 14 * 864e5);
});

test('a long period opens on its busiest month, trimmed to the days with events', () => {
  const spread = days([['2015-01-01', 1], ['2022-01-03', 6], ['2022-01-05', 15], ['2022-01-19', 1], ['2023-03-08', 4], ['2023-11-27', 2]]);
  const [from, to] = busiestStretch(spread);
  assert.equal(formatDay(from), '2022-01-02');
  assert.equal(formatDay(to), '2022-01-21');
});

test('no days, no stretch', () => {
  assert.equal(busiestStretch([]), null);
});
