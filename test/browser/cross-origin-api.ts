// globalSetup of the browser project: a real API on another origin than the Vitest page
// (the page is on localhost, this server on 127.0.0.1 with a random port), so Chromium applies
// CORS to its responses exactly as it would to a dApp calling a third-party API.
import type { TestProject } from 'vitest/node';
import { respond, startLocalServer } from '../helpers/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    crossOriginApi: string;
  }
}

/** Milliseconds since each scenario's first request, per request it received. */
const arrivals = new Map<string, number[]>();
const firstSeen = new Map<string, number>();

export default async function setup(project: TestProject) {
  const server = await startLocalServer((request, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    const url = new URL(request.url, 'http://127.0.0.1');
    // GET /arrivals/<scenario>: what the server saw, for the test to count.
    const [, first, scenario = '', mode = ''] = url.pathname.split('/');
    if (first === 'arrivals') return respond(res, 200, arrivals.get(scenario) ?? [], cors);
    if (request.method === 'OPTIONS') return respond(res, 204, undefined, { ...cors, 'access-control-allow-headers': '*' });
    // /limited/<scenario>/<exposed|hidden>[/<status>]: refuses for 2 s from the scenario's first request, then answers.
    const times = arrivals.get(scenario) ?? [];
    const firstAt = firstSeen.get(scenario) ?? Date.now();
    firstSeen.set(scenario, firstAt);
    times.push(Date.now() - firstAt);
    arrivals.set(scenario, times);
    const status = url.pathname.split('/')[4] === '503' ? 503 : 429;
    if (Date.now() - firstAt < 2000) {
      const headers: Record<string, string> = { ...cors, 'retry-after': '2', 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' };
      if (mode === 'exposed') headers['access-control-expose-headers'] = 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';
      return respond(res, status, 'Too Many Requests', headers);
    }
    return respond(res, 200, { items: ['gm'] }, cors);
  });
  project.provide('crossOriginApi', server.url);
  return () => server.close();
}
