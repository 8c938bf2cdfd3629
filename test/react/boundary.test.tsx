import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, defineApi } from '../../src/core/index.js';
import { ApiErrorBoundary, useApiQuery } from '../../src/index.js';
import { json, renderWithFaultline, scriptedApi } from './harness.js';

function Bomb({ error }: { error: unknown }): never {
  throw error;
}

describe('ApiErrorBoundary', () => {
  // React logs caught render errors; keep the output readable.
  const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it('renders the contract fallback with the normalized error, its message and reset', async () => {
    quiet();
    const user = userEvent.setup();
    const onReset = vi.fn();
    const onError = vi.fn();
    function App() {
      const [broken, setBroken] = useState(true);
      return (
        <ApiErrorBoundary
          onReset={(details) => {
            onReset(details);
            setBroken(false);
          }}
          onError={onError}
          fallback={({ error, message, reset }) => (
            <div>
              <p>{`${error.kind} / ${error.code}`}</p>
              <p>{message.description}</p>
              <button type="button" onClick={reset}>
                again
              </button>
            </div>
          )}
        >
          {broken ? <Bomb error={new ApiError({ kind: 'gone', code: 'QUOTE_EXPIRED', api: 'solana-swap', status: 410, message: 'Quote expired', recovery: 'requote' })} /> : <p>fixed</p>}
        </ApiErrorBoundary>
      );
    }
    renderWithFaultline(<App />);
    expect(screen.getByText('gone / QUOTE_EXPIRED')).toBeInTheDocument();
    expect(screen.getByText('The quote expired (quotes last 30 seconds). Getting a new one.')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'gone' }), expect.anything());
    await user.click(screen.getByRole('button', { name: 'again' }));
    expect(onReset).toHaveBeenCalledWith({ reason: 'imperative-api' });
    expect(screen.getByText('fixed')).toBeInTheDocument();
  });

  it('catches a thrown query error, shows no toast for it, and runs the query again on reset', async () => {
    quiet();
    const user = userEvent.setup();
    const api = scriptedApi('https://api.example.com/v1/users/42', json(404, { error: { code: 'RESOURCE_NOT_FOUND', message: 'The requested resource could not be found.' } }), json(200, { name: 'Ada' }));
    function User() {
      const query = useApiQuery({ queryKey: ['user'], queryFn: () => api.call<{ name: string }>(), throwOnError: true, retry: false });
      return <p>{query.data?.name ?? 'loading'}</p>;
    }
    renderWithFaultline(
      <ApiErrorBoundary>
        <User />
      </ApiErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not found')).toBeInTheDocument();
    expect(within(alert).getByText('That could not be found.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /Notifications/ })).queryAllByRole('listitem')).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ada')).toBeInTheDocument();
    expect(api.calls).toBe(2);
  });

  it('resets when resetKeys change, and renders FallbackComponent or fallbackRender', async () => {
    quiet();
    const user = userEvent.setup();
    function App() {
      const [account, setAccount] = useState('a');
      return (
        <>
          <button type="button" onClick={() => setAccount('b')}>
            switch
          </button>
          <ApiErrorBoundary resetKeys={[account]} FallbackComponent={({ error }) => <p>component: {error.message}</p>}>
            {account === 'a' ? <Bomb error={new Error('render bug')} /> : <p>account b</p>}
          </ApiErrorBoundary>
          <ApiErrorBoundary fallbackRender={({ error }) => <p>render: {error.kind}</p>}>
            <Bomb error="a string" />
          </ApiErrorBoundary>
        </>
      );
    }
    renderWithFaultline(<App />);
    expect(screen.getByText('component: render bug')).toBeInTheDocument();
    expect(screen.getByText('render: unknown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'switch' }));
    expect(screen.getByText('account b')).toBeInTheDocument();
  });

  it('accepts an element as fallback, as react-error-boundary does', () => {
    quiet();
    renderWithFaultline(
      <ApiErrorBoundary fallback={<p>static fallback</p>}>
        <Bomb error={new Error('x')} />
      </ApiErrorBoundary>,
    );
    expect(screen.getByText('static fallback')).toBeInTheDocument();
  });

  it("reads what it catches with the provider's profiles, once", async () => {
    quiet();
    const user = userEvent.setup();
    class AcmeSdkError extends Error {
      constructor(readonly acmeCode: string) {
        super(acmeCode);
      }
    }
    let reads = 0;
    const acme = defineApi({
      name: 'acme',
      hosts: ['api.acme.test'],
      readThrown: (thrown) => {
        if (!(thrown instanceof AcmeSdkError)) return null;
        reads += 1;
        return { body: { code: thrown.acmeCode, message: 'Plan limit reached' }, status: 402, url: 'https://api.acme.test/v1/feed' };
      },
      codes: { ACME_PLAN: { kind: 'payment_required' } },
    });
    const onError = vi.fn();
    // One throw (React renders the failing tree again before it gives up: the same value twice).
    const thrown = new AcmeSdkError('ACME_PLAN');
    function App() {
      const [broken, setBroken] = useState(false);
      return (
        <ApiErrorBoundary onError={onError} fallback={({ error }) => <p>{`${error.api} / ${error.kind} / ${error.code}`}</p>}>
          {broken ? (
            <Bomb error={thrown} />
          ) : (
            <button type="button" onClick={() => setBroken(true)}>
              load
            </button>
          )}
        </ApiErrorBoundary>
      );
    }
    renderWithFaultline(<App />, { profiles: [acme] });
    await user.click(screen.getByRole('button', { name: 'load' }));
    expect(screen.getByText('acme / payment_required / ACME_PLAN')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ api: 'acme' }), expect.anything());
    expect(reads).toBe(1);
  });
});
