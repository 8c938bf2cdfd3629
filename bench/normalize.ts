import { Bench } from 'tinybench';
import { builtInProfiles, errorFromResponse, normalizeError } from '../src/core/index.js';
import { fixtureHeaders, seedFixtures, type SeedFixture } from '../src/fixtures/index.js';

// Shapes no profile names, measured beside the seed fixtures. Every read is given the five seed
// profiles (they are opt-in), so the figures compare with readings that always had them.
const extraShapes: SeedFixture[] = [
  { id: 'other/rfc9457-problem', api: 'generic', title: 'RFC 9457 problem+json', method: 'GET', url: 'https://api.example.org/a', status: 403,
    headers: { 'content-type': 'application/problem+json' },
    body: { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', detail: 'Your current balance is 30, but that costs 50.', instance: '/account/12345/msgs/abc', balance: 30 } },
  { id: 'other/html-error-page', api: 'generic', title: 'An HTML error page from a proxy', method: 'GET', url: 'https://api.example.org/a', status: 502,
    body: `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>${'body{margin:0}'.repeat(40)}</style></head><body><h1>Bad Gateway</h1><p>${'The upstream server sent an invalid response. '.repeat(30)}</p></body></html>` },
  { id: 'other/graphql-200', api: 'generic', title: 'A GraphQL 200 with errors', method: 'POST', url: 'https://api.example.org/graphql', status: 200,
    body: { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' }, path: ['viewer'] }], data: null } },
];

export interface NormalizeRow {
  id: string;
  bodyBytes: number;
  errorFromResponseUs: number;
  normalizeParsedUs: number;
  jsonParseUs: number;
  ratio: number;
}

const us = (ms: number | undefined) => (ms ?? Number.NaN) * 1000;

/** errorFromResponse per fixture against JSON.parse of the same body text. */
export async function benchNormalize(time = 150): Promise<NormalizeRow[]> {
  const rows: NormalizeRow[] = [];
  for (const fixture of [...seedFixtures, ...extraShapes]) {
    const text = fixture.body === undefined ? '' : typeof fixture.body === 'string' ? fixture.body : JSON.stringify(fixture.body);
    const headers = fixtureHeaders(fixture);
    const request = { method: fixture.method, url: fixture.url };
    const parsed = typeof fixture.body === 'string' ? fixture.body : fixture.body;
    const bench = new Bench({ time, warmupTime: 30 });
    bench
      .add('errorFromResponse', async () => {
        await errorFromResponse(new Response(text || null, { status: fixture.status, headers }), { request, profiles: builtInProfiles });
      })
      .add('normalize parsed', () => {
        normalizeError({ response: { status: fixture.status, headers, data: parsed } }, { request, profiles: builtInProfiles });
      })
      .add('JSON.parse', () => {
        if (text && !text.startsWith('<')) JSON.parse(text);
        else text.trim();
      });
    await bench.run();
    const [full, sync, baseline] = bench.tasks.map((task) => us(task.result && 'latency' in task.result ? task.result.latency.mean : undefined));
    rows.push({ id: fixture.id, bodyBytes: text.length, errorFromResponseUs: full!, normalizeParsedUs: sync!, jsonParseUs: baseline!, ratio: full! / baseline! });
  }
  return rows;
}
