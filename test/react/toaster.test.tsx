import { act, screen, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery, QueryCache, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, normalizeError } from '../../src/core/index.js';
import { createApiErrorClient, reportError, useApiQuery } from '../../src/index.js';
import { json, newQueryClient, renderWithFaultline, scriptedApi } from './harness.js';

function FailingQuery({ api, name = 'things', meta }: { api: ReturnType<typeof scriptedApi>; name?: string; meta?: Record<string, unknown> }) {
  const query = useApiQuery({ queryKey: [name], queryFn: () => api.call(), retry: false, meta });
  return <p>{query.status}</p>;
}

const serverError = json(500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'db down at 10.0.0.7' } });

describe('ApiErrorToaster', () => {
  it('mounts both live regions before any toast, and announces the first one', async () => {
    const api = scriptedApi('https://api.example.com/v1/things', json(400, { error: { code: 'INVALID_REQUEST', message: "Missing required 'user_id' parameter." } }));
    const { container } = renderWithFaultline(null);
    const polite = container.querySelector('[aria-live="polite"]');
    const assertive = container.querySelector('[aria-live="assertive"]');
    expect(polite).toBeInTheDocument();
    expect(assertive).toBeInTheDocument();

    renderWithFaultline(<FailingQuery api={api} />, { render: { container } });
    const toast = await screen.findByRole('listitem');
    expect(within(toast).getByText('Check your input')).toBeInTheDocument();
    expect(within(toast).getByText("Missing required 'user_id' parameter.")).toBeInTheDocument();
    expect(container.querySelector('[aria-live="assertive"]')).toHaveTextContent("Check your input. Missing required 'user_id' parameter.");
  });

  it('never shows a 5xx server text to the user', async () => {
    renderWithFaultline(<FailingQuery api={scriptedApi('https://api.example.com/v1/things', serverError)} />);
    const toast = await screen.findByRole('listitem');
    expect(toast).toHaveTextContent('Something went wrong on our side');
    expect(toast).not.toHaveTextContent('10.0.0.7');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('Something went wrong');
  });

  it('shows one toast with its count for 1,000 identical errors', async () => {
    renderWithFaultline(null);
    const error = normalizeError({ response: { status: 503, headers: {}, data: { error: 'busy' } } }, { request: { method: 'GET', url: 'https://api.example.com/v1/feed' } });
    act(() => {
      for (let i = 0; i < 1000; i += 1) reportError(error);
    });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    // Seen as ×1000, heard as "1000 times" (a role-less aria-label would be read as "×1000").
    const toast = screen.getByRole('listitem');
    expect(within(toast).getByText('×1000')).toHaveAttribute('aria-hidden', 'true');
    expect(within(toast).getByText('1000 times')).toHaveClass('fl-sr-only');
  });

  it('shows no toast for aborts', async () => {
    renderWithFaultline(null);
    act(() => {
      reportError(new DOMException('The user aborted a request.', 'AbortError'));
      reportError({ code: 4001, message: 'User rejected the request.' });
    });
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('renders markup in a message as text', () => {
    renderWithFaultline(null);
    const message = '<img src=x onerror=alert(1)>';
    act(() => {
      reportError(new ApiError({ kind: 'validation', status: 400, message }));
    });
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps its own query message and honours meta.toast: false', async () => {
    const api = scriptedApi('https://api.example.com/v1/a', json(404, { error: 'nope' }));
    renderWithFaultline(
      <>
        <FailingQuery api={api} name="a" meta={{ errorMessage: 'That order does not exist.' }} />
        <FailingQuery api={api} name="b" meta={{ toast: false }} />
      </>,
    );
    expect(await screen.findByText('That order does not exist.')).toBeInTheDocument();
    await vi.waitFor(() => expect(api.calls).toBe(2));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it("keeps the app's own QueryCache onError", async () => {
    const onError = vi.fn();
    const queryClient = new QueryClient({ queryCache: new QueryCache({ onError }) });
    renderWithFaultline(<FailingQuery api={scriptedApi('https://api.example.com/v1/x', serverError)} />, { queryClient });
    await screen.findByRole('listitem');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('shows at most three and queues the rest, which appear as others leave', async () => {
    const user = userEvent.setup();
    renderWithFaultline(null);
    act(() => {
      for (const code of ['A', 'B', 'C', 'D', 'E']) reportError(new ApiError({ kind: 'validation', status: 400, code, message: `bad ${code}` }));
    });
    expect(screen.getAllByRole('listitem').map((li) => within(li).getByText(/^bad /).textContent)).toEqual(['bad A', 'bad B', 'bad C']);
    await user.click(within(screen.getAllByRole('listitem')[0]!).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getAllByRole('listitem').map((li) => within(li).getByText(/^bad /).textContent)).toEqual(['bad B', 'bad C', 'bad D']);
  });

  it('is reachable by keyboard: Alt+T focuses the toasts, Escape dismisses and focus returns', async () => {
    const user = userEvent.setup();
    renderWithFaultline(<button type="button">app button</button>);
    act(() => {
      reportError(new ApiError({ kind: 'validation', status: 400, code: 'A', message: 'first' }));
      reportError(new ApiError({ kind: 'validation', status: 400, code: 'B', message: 'second' }));
    });
    const appButton = screen.getByRole('button', { name: 'app button' });
    appButton.focus();
    await user.keyboard('{Alt>}t{/Alt}');
    const toasts = screen.getAllByRole('listitem');
    expect(toasts[1]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('listitem')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(appButton).toHaveFocus();
  });

  it('offers Retry, Copy request id, Docs and details for a piratecrew error', async () => {
    const user = userEvent.setup();
    const api = scriptedApi(
      'https://api.piratecrew.fun/v1/pools',
      json(500, { error: { code: 'internal_error', message: 'Something went wrong', doc_url: 'https://docs.piratecrew.fun/docs/error-codes-reference#internal_error' }, meta: { request_id: 'req_42' } }),
      json(200, { pools: [] }),
    );
    renderWithFaultline(<FailingQuery api={api} />);
    const toast = await screen.findByRole('listitem');
    // For the person who opens them: the details start collapsed.
    const details = within(toast).getByRole('button', { name: 'Details' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    expect(within(toast).queryByRole('link', { name: 'Docs' })).toBeNull();
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(within(toast).getByRole('link', { name: 'Docs' })).toHaveAttribute('href', 'https://docs.piratecrew.fun/docs/error-codes-reference#internal_error');
    expect(within(toast).getByRole('link', { name: 'Docs' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(toast).getByText('req_42')).toBeInTheDocument(); // inside the details disclosure
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(toast).getByRole('button', { name: 'Copy request id' }));
    expect(writeText).toHaveBeenCalledWith('req_42');
    expect(within(toast).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await user.click(within(toast).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(screen.getByText('success')).toBeInTheDocument());
    expect(api.calls).toBe(2);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('pauses while hovered and resumes with the time it had left', async () => {
    vi.useFakeTimers();
    renderWithFaultline(null);
    act(() => {
      reportError(new ApiError({ kind: 'server', status: 503, message: 'x', retryable: true }));
    });
    const toast = screen.getByRole('listitem');
    await act(() => vi.advanceTimersByTimeAsync(4000));
    fireEvent.mouseEnter(toast.closest('section')!);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByRole('listitem')).toBeInTheDocument();
    fireEvent.mouseLeave(toast.closest('section')!);
    await act(() => vi.advanceTimersByTimeAsync(1999));
    expect(screen.getByRole('listitem')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('pauses while the page is hidden', async () => {
    vi.useFakeTimers();
    renderWithFaultline(null);
    act(() => {
      reportError(new ApiError({ kind: 'server', status: 503, message: 'x', retryable: true }));
    });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByRole('listitem')).toBeInTheDocument();
    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(screen.queryByRole('listitem')).toBeNull();
    visibility.mockRestore();
  });

  it('shows no double toast under StrictMode', async () => {
    renderWithFaultline(<FailingQuery api={scriptedApi('https://api.example.com/v1/things', serverError)} />, { strict: true });
    await screen.findByRole('listitem');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByText(/times$/)).toBeNull();
  });

  it('leaves no timer or listener behind after unmount', async () => {
    vi.useFakeTimers();
    const add = vi.spyOn(document, 'addEventListener');
    const remove = vi.spyOn(document, 'removeEventListener');
    const client = createApiErrorClient({ queryClient: newQueryClient() });
    const { store } = client;
    const { unmount } = renderWithFaultline(null, { queryClient: client.queryClient, client });
    act(() => {
      reportError(new ApiError({ kind: 'server', status: 503, message: 'x', retryable: true }));
      reportError(new ApiError({ kind: 'rate_limited', status: 429, message: 'x', retryable: true, retryAfterMs: 5000, api: 'pumpfun' }));
    });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    const added = add.mock.calls.map(([type, listener]) => [type, listener]);
    const removed = remove.mock.calls.map(([type, listener]) => [type, listener]);
    expect(removed).toEqual(expect.arrayContaining(added));
    // With the provider gone, reportError reaches nobody.
    reportError(new ApiError({ kind: 'server', message: 'late' }));
    expect(store.getState().toasts).toHaveLength(2);
  });
});

// Keeps `useQuery` imported for a sanity check that plain React Query queries report too.
it('reports errors of plain useQuery calls under the provider', async () => {
  function Plain() {
    const query = useQuery({ queryKey: ['plain'], queryFn: () => Promise.reject(new TypeError('Failed to fetch')), retry: false });
    return <p>{query.status}</p>;
  }
  renderWithFaultline(<Plain />);
  const toast = await screen.findByRole('listitem');
  expect(toast).toHaveTextContent('You seem to be offline');
});

it("counts one query's retries as one incident, and a new fetch as another", async () => {
  const user = userEvent.setup();
  let calls = 0;
  function Limited() {
    const query = useQuery({
      queryKey: ['limited'],
      queryFn: () => {
        calls += 1;
        return Promise.reject(new ApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryable: true }));
      },
      retry: 3,
      retryDelay: 0,
    });
    return (
      <button type="button" onClick={() => void query.refetch()}>
        {query.status}
      </button>
    );
  }
  renderWithFaultline(<Limited />);
  const button = await screen.findByRole('button', { name: 'error' });
  expect(calls).toBe(4);
  expect(screen.getByRole('listitem')).not.toHaveTextContent(/times/);
  await user.click(button);
  await vi.waitFor(() => expect(calls).toBe(8));
  await vi.waitFor(() => expect(screen.getByRole('listitem')).toHaveTextContent('2 times'));
});

it('offers Retry only where sending it again can help', async () => {
  const forbidden = scriptedApi('https://api.piratecrew.fun/v1/fees/claim', json(403, { error: { code: 'forbidden', message: 'API key missing required scope(s): fees:claim' }, meta: { request_id: 'r1' } }));
  renderWithFaultline(<FailingQuery api={forbidden} />);
  const toast = await screen.findByRole('listitem');
  expect(toast).toHaveTextContent('Not allowed');
  expect(within(toast).queryByRole('button', { name: 'Retry' })).toBeNull();
});

it('survives any ApiError a hostile SDK can make: the tree stays, the link is never javascript:', async () => {
  const details = Object.defineProperty({}, 'seconds', { enumerable: true, get: () => { throw new Error('getter'); } });
  const hostile = new ApiError({
    kind: 'validation',
    message: 'bad input',
    docUrl: 'javascript:alert(1)',
    code: { toString: () => { throw new Error('toString'); } } as unknown as string,
    requestId: { nested: true } as unknown as string,
    details,
  });
  renderWithFaultline(<p>the app</p>);
  act(() => {
    reportError(hostile);
    reportError(new ApiError({ kind: 'not_found', message: 'x', docUrl: 'javascript:alert(2)', code: 'NOPE' }));
  });
  const toasts = await screen.findAllByRole('listitem');
  expect(toasts).toHaveLength(2);
  expect(screen.getByText('the app')).toBeInTheDocument();
  expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  expect(within(toasts[0]!).getByText('Check your input')).toBeInTheDocument();
});
