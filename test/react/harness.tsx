import { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { builtInMessages, builtInProfiles, errorFromResponse } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, ReauthPrompt, type ApiErrorProviderProps } from '../../src/index.js';

/** A fresh QueryClient per test, as TanStack Query's own tests do. */
export function newQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
}

/**
 * Renders `ui` inside a provider (the five seed profiles and their words unless `props` say
 * otherwise) and a toaster; `reauthPrompt`: the app renders <ReauthPrompt/> too.
 */
export function renderWithFaultline(
  ui: ReactNode,
  options: Partial<ApiErrorProviderProps> & { strict?: boolean; toaster?: boolean; reauthPrompt?: boolean; render?: RenderOptions } = {},
) {
  const { strict = false, toaster = true, reauthPrompt = false, render: renderOptions, ...props } = options;
  const queryClient = props.queryClient ?? newQueryClient();
  const wrap = (node: ReactNode) => {
    const inner = (
      <ApiErrorProvider queryClient={queryClient} retry={{ random: () => 0 }} profiles={builtInProfiles} messages={builtInMessages} {...props}>
        {node}
        {toaster && <ApiErrorToaster />}
        {reauthPrompt && <ReauthPrompt />}
      </ApiErrorProvider>
    );
    return strict ? <StrictMode>{inner}</StrictMode> : inner;
  };
  const result = render(wrap(ui), renderOptions);
  // rerender keeps the provider: only the app inside changes.
  return { queryClient, ...result, rerender: (next: ReactNode) => result.rerender(wrap(next)) };
}

/**
 * A scripted API: each call answers with the next response of the script (the last one repeats),
 * and counts the calls — the requests a server would have seen. `request` is a URL, or
 * "METHOD URL" for anything but GET.
 */
export function scriptedApi(request: string, ...script: Array<() => Response>) {
  const [method, url] = request.includes(' ') ? (request.split(' ') as [string, string]) : ['GET', request];
  const api = {
    calls: 0,
    async call<T>(): Promise<T> {
      const next = script[Math.min(api.calls, script.length - 1)]!;
      api.calls += 1;
      const response = next();
      if (!response.ok) throw await errorFromResponse(response, { request: { method, url }, profiles: builtInProfiles });
      return (await response.json()) as T;
    },
  };
  return api;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
