import { useState } from 'react';
import { createRetryPolicy, isApiError, normalizeError, type ApiError } from '../../src/core/index.js';
import { useApiErrorStore, useApiMutation } from '../../src/index.js';
import { seedFixtures, type SeedApi } from '../../src/msw/index.js';
import { clients } from './clients';
import { mock } from './mock';

const policy = createRetryPolicy();

/** What React Query would do with this error under faultline's policy. */
function retryVerdict(error: ApiError): string {
  if (!policy.retry(0, error)) return error.retryAfterMs !== null && error.retryable ? `no: the wait (${error.retryAfterMs / 1000}s) is too long to hold; refetched when the window opens` : 'no';
  return error.retryAfterMs !== null ? `yes, after the server's ${error.retryAfterMs / 1000}s` : 'yes, with jittered exponential backoff';
}

/** Fires any documented error of one seed API and shows the toast and what faultline read from it. */
export function ErrorPlayground({ api, fixtureId }: { api: SeedApi; fixtureId: string }) {
  const fixtures = seedFixtures.filter((fixture) => fixture.api === api);
  const [selected, setSelected] = useState(fixtureId);
  const clear = useApiErrorStore((state) => state.dismissAll);
  const send = useApiMutation({
    retry: false,
    mutationFn: async (id: string) => {
      const fixture = fixtures.find((f) => f.id === id)!;
      mock.failNext(id);
      const url = new URL(fixture.url);
      const client = url.origin.startsWith('https://x402') ? clients.x402 : clients[api];
      return client.request(`${url.pathname}${url.search}`, { method: fixture.method });
    },
  });
  const error = send.error && isApiError(send.error) ? send.error : send.error ? normalizeError(send.error) : null;
  const fixture = fixtures.find((f) => f.id === selected);

  return (
    <>
      <div className="row">
        <label>
          Documented error{' '}
          <select value={selected} onChange={(event) => setSelected(event.target.value)}>
            {fixtures.map((f) => (
              <option key={f.id} value={f.id}>
                {f.status} {f.id.split('/')[1]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => send.mutate(selected)}>
          Send the request
        </button>
        <button type="button" onClick={clear}>
          Clear toasts
        </button>
      </div>
      <p className="muted">{fixture ? `${fixture.method} ${fixture.url} — ${fixture.title}` : ''}</p>
      {error && (
        <section className="card" aria-label="What faultline read">
          <dl>
            <dt>status</dt>
            <dd data-testid="status">{error.status ?? '—'}</dd>
            <dt>kind</dt>
            <dd data-testid="kind">{error.kind}</dd>
            <dt>code</dt>
            <dd>{error.code ?? '—'}</dd>
            <dt>server message</dt>
            <dd>{error.message}</dd>
            <dt>retried automatically</dt>
            <dd>{retryVerdict(error)}</dd>
            <dt>recovery</dt>
            <dd>{error.recovery ?? '—'}</dd>
            {error.requestId && (
              <>
                <dt>request id</dt>
                <dd>{error.requestId}</dd>
              </>
            )}
            {error.param && (
              <>
                <dt>param</dt>
                <dd>{error.param}</dd>
              </>
            )}
            {error.details !== undefined && (
              <>
                <dt>details</dt>
                <dd>{JSON.stringify(error.details)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}
