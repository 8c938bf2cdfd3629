import { act, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, builtInMessages, builtInProfiles } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, ReauthPrompt, useApiMutation, useApiQuery, useReauth } from '../../src/index.js';
import { json, newQueryClient, renderWithFaultline, scriptedApi } from './harness.js';

const expired = json(401, { error: { code: 'unauthorized', message: 'Authorization header missing or malformed' }, meta: { request_id: 'req_1' } });
const ok = (n: number) => json(200, { n });

function Panel({ api, index }: { api: ReturnType<typeof scriptedApi>; index: number }) {
  const query = useApiQuery({ queryKey: ['panel', index], queryFn: () => api.call<{ n: number }>() });
  return <li>{query.data ? `panel ${index} ok` : query.status}</li>;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('re-authentication with <ReauthPrompt/>', () => {
  it('asks once for 20 parallel 401s, calls onReauth once, then runs every failed query again', async () => {
    const user = userEvent.setup();
    const apis = Array.from({ length: 20 }, (_, i) => scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(i)));
    const signIn = deferred();
    const onReauth = vi.fn(() => signIn.promise);
    renderWithFaultline(
      <ul>
        {apis.map((api, i) => (
          <Panel key={i} api={api} index={i} />
        ))}
      </ul>,
      { onReauth, reauthPrompt: true },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Your session has expired' });
    await vi.waitFor(() => expect(apis.every((api) => api.calls === 1)).toBe(true));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: /Notifications/ })).queryAllByRole('listitem')).toHaveLength(0); // no toasts beside the prompt

    const signInButton = within(dialog).getByRole('button', { name: 'Sign in again' });
    expect(signInButton).toHaveFocus();
    await user.click(signInButton);
    await user.click(within(dialog).getByRole('button', { name: 'Signing in…' }));
    expect(onReauth).toHaveBeenCalledTimes(1);

    await act(async () => signIn.resolve());
    await vi.waitFor(() => expect(screen.getAllByText(/^panel \d+ ok$/)).toHaveLength(20));
    expect(apis.map((api) => api.calls)).toEqual(Array(20).fill(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onReauth).toHaveBeenCalledTimes(1);
  });

  it('says so when signing in fails, and stays usable', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(1));
    const onReauth = vi.fn().mockRejectedValueOnce(new Error('Wallet signature declined')).mockResolvedValueOnce(undefined);
    renderWithFaultline(<Panel api={api} index={0} />, { onReauth, reauthPrompt: true });
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Signing in did not work: Wallet signature declined');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    await vi.waitFor(() => expect(screen.getByText('panel 0 ok')).toBeInTheDocument());
    expect(onReauth).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('replays a query that was run by hand (enabled: false) once signed in', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(3));
    function Manual() {
      const query = useApiQuery({ queryKey: ['manual'], queryFn: () => api.call<{ n: number }>(), enabled: false });
      return (
        <button type="button" onClick={() => void query.refetch()}>
          {query.data ? `loaded ${query.data.n}` : 'load'}
        </button>
      );
    }
    renderWithFaultline(<Manual />, { onReauth: vi.fn(), reauthPrompt: true });
    await user.click(screen.getByRole('button', { name: 'load' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByRole('button', { name: 'loaded 3' })).toBeInTheDocument();
    expect(api.calls).toBe(2);
  });

  it('traps focus inside the dialog and gives it back when closed', async () => {
    const user = userEvent.setup();
    function App() {
      const query = useApiQuery({ queryKey: ['me'], queryFn: () => api.call(), enabled: false });
      return (
        <button type="button" onClick={() => void query.refetch()}>
          load
        </button>
      );
    }
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired);
    renderWithFaultline(<App />, { onReauth: vi.fn(), reauthPrompt: true });
    const load = screen.getByRole('button', { name: 'load' });
    await user.click(load);
    const dialog = await screen.findByRole('dialog');
    const later = within(dialog).getByRole('button', { name: 'Not now' });
    const signIn = within(dialog).getByRole('button', { name: 'Sign in again' });
    expect(signIn).toHaveFocus();
    await user.tab();
    expect(later).toHaveFocus(); // wrapped from the last to the first
    await user.tab({ shift: true });
    expect(signIn).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(load).toHaveFocus();
    // Dismissed, it leaves a toast with a way back in.
    const toast = screen.getByRole('listitem');
    expect(within(toast).getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('offers failed mutations a Retry after signing in, instead of resending them', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('POST https://api.piratecrew.fun/v1/tokens', expired, ok(7));
    function Launch() {
      const mutation = useApiMutation({ mutationFn: () => api.call<{ n: number }>() });
      return (
        <>
          <button type="button" onClick={() => mutation.mutate()}>
            launch
          </button>
          <p>{mutation.status}</p>
        </>
      );
    }
    renderWithFaultline(<Launch />, { onReauth: vi.fn(), reauthPrompt: true });
    await user.click(screen.getByRole('button', { name: 'launch' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    const toast = await screen.findByRole('listitem');
    expect(toast).toHaveTextContent('You are signed in again. Retry what failed?');
    expect(api.calls).toBe(1);
    await user.click(within(toast).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(screen.getByText('success')).toBeInTheDocument());
    expect(api.calls).toBe(2);
  });

  it('toasts a 401 with no prompt when the app has no onReauth', async () => {
    renderWithFaultline(
      <ul>
        <Panel api={scriptedApi('https://api.piratecrew.fun/v1/me', expired)} index={0} />
      </ul>,
    );
    const toast = await within(screen.getByRole('region', { name: /Notifications/ })).findByRole('listitem');
    expect(toast).toHaveTextContent('Your piratecrew session is missing or expired');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('re-authentication without <ReauthPrompt/>: the toaster asks', () => {
  const region = () => screen.getByRole('region', { name: /Notifications/ });

  it('asks once with a Sign in toast for 20 parallel 401s; Sign in calls onReauth once and runs every failed query again', async () => {
    const user = userEvent.setup();
    const apis = Array.from({ length: 20 }, (_, i) => scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(i)));
    const signIn = deferred();
    const onReauth = vi.fn(() => signIn.promise);
    renderWithFaultline(
      <ul>
        {apis.map((api, i) => (
          <Panel key={i} api={api} index={i} />
        ))}
      </ul>,
      { onReauth, strict: true },
    );
    const toast = await within(region()).findByRole('listitem');
    await vi.waitFor(() => expect(apis.every((api) => api.calls >= 1)).toBe(true));
    expect(within(region()).getAllByRole('listitem')).toHaveLength(1);
    expect(toast).not.toHaveTextContent('×'); // StrictMode's second effect run counts nothing
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(toast).getByRole('button', { name: 'Sign in' }));
    expect(onReauth).toHaveBeenCalledTimes(1);
    await act(async () => signIn.resolve());
    await vi.waitFor(() => expect(screen.getAllByText(/^panel \d+ ok$/)).toHaveLength(20));
    expect(onReauth).toHaveBeenCalledTimes(1);
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('shows the toast again when signing in fails, saying why, and signs in from it', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(1));
    const onReauth = vi.fn().mockRejectedValueOnce(new Error('Wallet signature declined')).mockResolvedValueOnce(undefined);
    renderWithFaultline(<Panel api={api} index={0} />, { onReauth });
    await user.click(within(await within(region()).findByRole('listitem')).getByRole('button', { name: 'Sign in' }));
    const again = await within(region()).findByText('Signing in did not work: Wallet signature declined');
    await user.click(within(again.closest('li')!).getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(screen.getByText('panel 0 ok')).toBeInTheDocument());
    expect(onReauth).toHaveBeenCalledTimes(2);
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('takes the toast away when the app signs in by itself (useReauth)', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(2));
    function Header() {
      const { reauthenticate } = useReauth();
      return (
        <button type="button" onClick={() => void reauthenticate()}>
          header sign in
        </button>
      );
    }
    renderWithFaultline(
      <>
        <Header />
        <Panel api={api} index={0} />
      </>,
      { onReauth: vi.fn() },
    );
    await within(region()).findByRole('listitem');
    await user.click(screen.getByRole('button', { name: 'header sign in' }));
    await vi.waitFor(() => expect(screen.getByText('panel 0 ok')).toBeInTheDocument());
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('brings back no dismissed Sign in toast when the app re-renders with a new messages object', async () => {
    const user = userEvent.setup();
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired);
    const queryClient = newQueryClient();
    function App() {
      const [renders, setRenders] = useState(0);
      return (
        // An inline catalog: a new object on every render, as apps write it.
        <ApiErrorProvider queryClient={queryClient} profiles={builtInProfiles} messages={{ ...builtInMessages }} onReauth={vi.fn()}>
          <Panel api={api} index={0} />
          <button type="button" onClick={() => setRenders(renders + 1)}>
            render again
          </button>
          <ApiErrorToaster />
        </ApiErrorProvider>
      );
    }
    render(<App />);
    const toast = await within(region()).findByRole('listitem');
    await user.click(within(toast).getByRole('button', { name: 'Dismiss' }));
    await vi.waitFor(() => expect(within(region()).queryAllByRole('listitem')).toHaveLength(0));
    await user.click(screen.getByRole('button', { name: 'render again' }));
    await user.click(screen.getByRole('button', { name: 'render again' }));
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });
  it('offers Sign in on any 401, also one whose error names another recovery', async () => {
    const user = userEvent.setup();
    const onReauth = vi.fn(async () => {});
    let calls = 0;
    function Account() {
      const query = useApiQuery({
        queryKey: ['hand-built'],
        queryFn: async () => {
          calls += 1;
          // A hand-built error (an SDK's), with no reauthenticate recovery.
          if (calls === 1) throw new ApiError({ kind: 'unauthorized', status: 401, message: 'Token expired', recovery: null });
          return 'account ok';
        },
      });
      return <p>{query.data ?? query.status}</p>;
    }
    renderWithFaultline(<Account />, { onReauth });
    const toast = await within(region()).findByRole('listitem');
    await user.click(within(toast).getByRole('button', { name: 'Sign in' }));
    expect(onReauth).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(screen.getByText('account ok')).toBeInTheDocument());
  });

  it('leaves the asking to the app with reauthPrompt={false}', async () => {
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired, ok(3));
    function Header() {
      return <p>reauth {useReauth().status}</p>;
    }
    const queryClient = newQueryClient();
    render(
      <ApiErrorProvider queryClient={queryClient} profiles={builtInProfiles} onReauth={vi.fn()}>
        <Header />
        <Panel api={api} index={0} />
        <ApiErrorToaster reauthPrompt={false} />
      </ApiErrorProvider>,
    );
    await screen.findByText('reauth required');
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('hands the asking to a <ReauthPrompt/> mounted later, and takes it back when the prompt goes', async () => {
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired);
    const queryClient = newQueryClient();
    const app = (prompt: boolean) => (
      <ApiErrorProvider queryClient={queryClient} profiles={builtInProfiles} onReauth={vi.fn()}>
        <Panel api={api} index={0} />
        <ApiErrorToaster />
        {prompt && <ReauthPrompt />}
      </ApiErrorProvider>
    );
    const { rerender } = render(app(false));
    await within(region()).findByRole('button', { name: 'Sign in' });
    rerender(app(true));
    await screen.findByRole('dialog', { name: 'Your session has expired' });
    await vi.waitFor(() => expect(within(region()).queryAllByRole('button', { name: 'Sign in' })).toHaveLength(0));
    rerender(app(false));
    await within(region()).findByRole('button', { name: 'Sign in' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows only the dialog when toaster and prompt mount together after the 401', async () => {
    const api = scriptedApi('https://api.piratecrew.fun/v1/accounts/me', expired);
    const queryClient = newQueryClient();
    const app = (ui: boolean) => (
      <ApiErrorProvider queryClient={queryClient} profiles={builtInProfiles} onReauth={vi.fn()}>
        <Panel api={api} index={0} />
        {ui && <ApiErrorToaster />}
        {ui && <ReauthPrompt />}
      </ApiErrorProvider>
    );
    const { rerender } = render(app(false));
    await vi.waitFor(() => expect(api.calls).toBe(1));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    rerender(app(true));
    await screen.findByRole('dialog', { name: 'Your session has expired' });
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });
});
