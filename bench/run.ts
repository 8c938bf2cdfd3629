import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchAdversarial, type AdversarialRow } from './adversarial.js';
import { benchHerd } from './herd.js';
import { benchNormalize } from './normalize.js';
import { benchRateLimit } from './rate-limit.js';
import { benchSize } from './size.js';
import { benchStorm } from './storm.js';

// `npm run bench`: every scenario in one run, written to bench/RESULTS.md. Not a test: nothing here
// passes or fails, and `npm test` does not run it (the size budget is checked by `npm test`).
const fmt = (n: number | null, digits = 0) => (n !== null && Number.isFinite(n) ? n.toFixed(digits) : '—');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const table = (head: string[], rows: Array<Array<string | number>>) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
const log = (line: string) => process.stderr.write(`${line}\n`);

const adversarialSection = (rows: AdversarialRow[]) => [
  '## 6. Adversarial inputs (64 KB and 1 MB per reader)',
  '',
  'Inputs a hostile server sends on purpose: runs that almost match the redaction, number and HTML readers. Median ms per call; growth is',
  '1 MB time ÷ 64 KB time (16× is linear; about 1× means the input is capped before the reader). Goal: < 5 ms per 64 KB.',
  '',
  ...table(['reader', 'input', '64 KB ms', '1 MB ms', 'growth'], rows.map((r) => [r.reader, r.input, fmt(r.ms64k, 2), fmt(r.ms1m, 2), `${fmt(r.ms1m / r.ms64k, 1)}×`])),
  '',
];

const sizeSection = ({ faultline, others }: Awaited<ReturnType<typeof benchSize>>) => [
  '## 5. Bundle size (min + gzip -9, bytes)',
  '',
  'faultline as an app imports it: the built `dist/` through package.json `exports`, minified for the browser (ES2022, production),',
  'peers external, zustand bundled. esbuild holds the budget (`npm run test:size`, size-budget.json); rolldown (Vite\'s bundler) beside it.',
  'Whole entries (`export *`, the sum of every export) are information, not a budget. `npm run build` first.',
  '',
  ...table(
    ['import', 'budget', 'esbuild min', 'esbuild gz', 'rolldown gz'],
    faultline.map((r) => [r.name, r.budget === null ? '—' : r.budget, r.esbuildMin, `${r.esbuildGz}${r.budget !== null && r.esbuildGz > r.budget ? ' (over)' : ''}`, r.rolldownGz ?? '—']),
  ),
  '',
  'Other toasters, whole (`export *`), the same settings with React and React DOM external:',
  '',
  ...table(['package', 'esbuild min', 'esbuild gz', 'rolldown gz'], others.map((r) => [r.name, r.esbuildMin, r.esbuildGz, r.rolldownGz ?? '—'])),
  '',
  'faultline\'s stylesheet is a separate file (`faultline/styles.css`); sonner and react-hot-toast inject their CSS from JS (counted above).',
  '',
];

// `npm run bench -- adversarial`: that part alone, printed (RESULTS.md is left as it is).
if (process.argv.includes('adversarial')) {
  console.log(adversarialSection(await benchAdversarial()).join('\n'));
  process.exit(0);
}
// `npm run bench -- size`: the bundle sizes alone, printed (after `npm run build`).
if (process.argv.includes('size')) {
  console.log(sizeSection(await benchSize()).join('\n'));
  process.exit(0);
}

const started = new Date();
log('1/5 rate-limit windows (real server, ~1 min)…');
const rateLimit = await benchRateLimit();
log('2/5 retry herd…');
const herd = benchHerd();
log('3/5 normalizing (~40 s)…');
const normalize = await benchNormalize();
log('4/5 error storm in React (sonner takes minutes: it re-renders every toast for each new one)…');
const storm = await benchStorm();
log('5/5 bundle sizes…');
const sizes = await benchSize();
log('6/6 adversarial inputs…');
const adversarial = await benchAdversarial();

const lines = [
  '# faultline benchmarks',
  '',
  `\`npm run bench\` on ${started.toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux. React in its production (profiling) build.`,
  'Times move by ±20 % between runs on a shared 2-core machine: read the ratios and counts, not the last digit.',
  '',
  '## 1. Rate-limit windows (a real HTTP server on 127.0.0.1)',
  '',
  'The server refuses for 2 s from the first request, then answers 200. *Wasted*: requests that reached the server while it was refusing,',
  'not counting the one that found out (median of 3 trials, worst in brackets). *Recovery*: from the window opening to the caller getting its 200',
  '(median of the trials that succeeded). In the last mode the first answer is a 200 with `X-RateLimit-Remaining: 0` and the app then asks for three more things.',
  'faultline here is a QueryClient with `createRetryPolicy()` plus what `useApiQuery` and the provider add (wait for a closed window; headers close it).',
  '',
  ...table(
    ['server says', 'client', 'wasted', 'recovery ms', 'succeeded'],
    rateLimit.map((r) => [r.mode, r.client, `${r.wasted} (${r.maxWasted})`, fmt(r.recoveryMs), r.succeeded]),
  ),
  '',
  '## 2. Retry herd (1,000 clients, simulated clock)',
  '',
  'All clients get the same 503 at t = 0 and retry once; peak requests in any 100 ms bucket of that first wave, and the 5th–95th percentile of retry times.',
  '',
  ...table(['503', 'strategy', 'peak / 100 ms', 'spread (ms)'], herd.map((r) => [r.case, r.strategy, r.peakPer100ms, r.spreadMs])),
  '',
  '## 3. Normalizing: `errorFromResponse` against `JSON.parse` of the same body',
  '',
  '`errorFromResponse` includes building the `Response`, reading its stream (capped) and the whole interpretation; "parsed" is `normalizeError`',
  'on an axios-style error whose body is already parsed (interpretation only). Means in microseconds (tinybench).',
  '',
  ...table(
    ['fixture', 'body bytes', 'errorFromResponse µs', 'parsed µs', 'JSON.parse µs', 'ratio'],
    normalize.map((r) => [r.id, r.bodyBytes, fmt(r.errorFromResponseUs, 1), fmt(r.normalizeParsedUs, 1), fmt(r.jsonParseUs, 3), `${fmt(r.ratio)}×`]),
  ),
  '',
  `Median over ${normalize.length} fixtures: errorFromResponse ${fmt(median(normalize.map((r) => r.errorFromResponseUs)), 1)} µs, parsed ${fmt(median(normalize.map((r) => r.normalizeParsedUs)), 1)} µs, JSON.parse ${fmt(median(normalize.map((r) => r.jsonParseUs)), 3)} µs; median ratio ${fmt(median(normalize.map((r) => r.ratio)))}×.`,
  '',
  '## 4. Error storm in React',
  '',
  '1,000 errors reported synchronously, the way each library is called (`reportError(error)`, `toast.error(message)`); jsdom, React 19 production',
  'profiling build. *Commits*: React commits of the toaster (Profiler). *µs / report*: from the first report to the last commit, divided by 1,000.',
  '*Retained*: heap growth after GC once the storm has settled (sonner\'s run is so long that its own 4 s timers have dismissed its toasts by then).',
  '',
  ...table(
    ['library', 'errors', 'commits', 'µs / report', 'most toasts in DOM', 'retained KiB'],
    storm.map((r) => [r.library, r.errors, r.commits, fmt(r.usPerReport, 1), r.peakToastsInDom, fmt(r.retainedKiB)]),
  ),
  '',
  ...sizeSection(sizes),
  ...adversarialSection(adversarial),
];
writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
