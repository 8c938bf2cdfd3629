import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchNormalize } from './normalize.js';

// `npm run bench`: every scenario in one run, written to bench/RESULTS.md. Not a test: nothing here
// passes or fails, and `npm test` does not run it.
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const started = new Date();
const rows = await benchNormalize();
const lines = [
  '# faultline benchmarks',
  '',
  `Run with \`npm run bench\` on ${started.toISOString().slice(0, 10)}; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  'Means from tinybench; times in microseconds. Figures move by ±20 % between runs on a shared machine: read the ratios, not the digits.',
  '',
  '## Normalizing: `errorFromResponse` against `JSON.parse` of the same body',
  '',
  '`errorFromResponse` includes building the `Response`, reading its stream (capped) and the whole interpretation;',
  '"normalize parsed" is `normalizeError` on an axios-style error whose body is already parsed (interpretation only).',
  '',
  '| fixture | body bytes | errorFromResponse µs | normalize parsed µs | JSON.parse µs | ratio |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.id} | ${r.bodyBytes} | ${fmt(r.errorFromResponseUs)} | ${fmt(r.normalizeParsedUs)} | ${fmt(r.jsonParseUs, 3)} | ${fmt(r.ratio, 0)}× |`),
  '',
  `Median over ${rows.length} fixtures: errorFromResponse ${fmt(median(rows.map((r) => r.errorFromResponseUs)))} µs, normalize parsed ${fmt(median(rows.map((r) => r.normalizeParsedUs)))} µs, JSON.parse ${fmt(median(rows.map((r) => r.jsonParseUs)), 3)} µs; median ratio ${fmt(median(rows.map((r) => r.ratio)), 0)}×.`,
  '',
];
writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));
