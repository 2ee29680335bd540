import type { DoublePosition, PolymarketDouble } from './polymarket-double';

// Positions the Polymarket double answers with in the predictions suites.

export const conditionId = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

// More digits than a float holds: a value that went through a JS number would come back changed.
export const ELECTION: DoublePosition = {
  conditionId: conditionId(1),
  asset: '71321045679252212594626385532706912750332728571942532289631379312455583992563',
  title: 'Will the incumbent win the 2028 election?',
  outcome: 'Yes',
  size: '1234.567890123456789012',
  avgPrice: '0.4537',
  currentValue: '561.7283400061728390123',
  curPrice: '0.455',
};
export const RATES: DoublePosition = {
  conditionId: conditionId(2),
  asset: '12',
  title: 'Fed cuts rates in March?',
  outcome: 'No',
  size: '10',
  avgPrice: '0.9',
  currentValue: '9.5',
  curPrice: '0.95',
};

/** Answers the adapter must refuse, each with the error it must record. */
export const HOSTILE_ANSWERS: { answer: Parameters<PolymarketDouble['answer']>[1]; error: RegExp }[] = [
  { answer: { kind: 'status', status: 500 }, error: /HTTP 500/ },
  { answer: { kind: 'status', status: 429 }, error: /HTTP 429/ },
  { answer: { kind: 'huge', bytes: 8 * 1024 * 1024 }, error: /larger than/ },
  { answer: { kind: 'raw', body: '[{"asset":"1\u0000"}]' }, error: /NUL/ },
  { answer: { kind: 'raw', body: '[{"asset":"1\\u0000"}]' }, error: /NUL/ },
  { answer: { kind: 'positions', positions: [{ ...ELECTION, size: '"lots"' }] }, error: /size/ },
  { answer: { kind: 'positions', positions: [{ ...ELECTION, size: '-5' }] }, error: /size/ },
  { answer: { kind: 'positions', positions: [{ ...ELECTION, extra: { title: 42 } }] }, error: /title/ },
  { answer: { kind: 'positions', positions: [{ ...ELECTION, asset: 'DROP TABLE' }] }, error: /asset/ },
  { answer: { kind: 'raw', body: '{"error":"not a list"}' }, error: /not a list of positions/ },
  { answer: { kind: 'raw', body: '<html>maintenance</html>' }, error: /not JSON/ },
];
