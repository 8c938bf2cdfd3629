// Compiled by `npm run typecheck` (test/types/tsconfig.json); nothing here runs.
import { QueryClient, queryOptions, skipToken } from '@tanstack/react-query';
import { ApiErrorProvider, useApiMutation, useApiQuery, useRateLimit, type ApiError, type ApiErrorMeta, type MessageOverrides } from 'faultline';
import { createApiClient, pumpFun } from 'faultline/core';

// The app registers its API names (as React Query registers its error and meta types)…
declare module 'faultline' {
  interface Register {
    apiNames: 'pumpfun' | 'billing';
  }
}
// …and faultline's meta keys with React Query.
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: ApiErrorMeta;
    mutationMeta: ApiErrorMeta;
  }
}

const pump = createApiClient({ baseUrl: 'https://frontend-api-v3.pump.fun', api: pumpFun });
declare function signIn(): Promise<{ token: string }>;
declare const enabled: boolean;
type Coin = { mint: string };

export function Idioms() {
  // queryOptions(...) as it is: data and error keep their types.
  const latest = useApiQuery(queryOptions({ queryKey: ['coins', 'latest'], queryFn: () => pump.get<Coin[]>('/coins/latest') }));
  const mints: string[] | undefined = latest.data?.map((coin) => coin.mint);
  const error: ApiError | null = latest.error;

  // skipToken as queryFn, with the API as its client, its profile, or a registered name.
  useApiQuery({ queryKey: ['coin'], queryFn: enabled ? () => pump.get<Coin>('/coins/x') : skipToken, api: pump });
  useApiQuery({ queryKey: ['by-profile'], queryFn: () => pump.get<Coin[]>('/coins/latest'), api: pumpFun });
  useApiQuery({ queryKey: ['by-name'], queryFn: () => pump.get<Coin[]>('/coins/latest'), api: 'pumpfun' });
  // @ts-expect-error a name that matches no registered API
  useApiQuery({ queryKey: ['typo'], queryFn: () => pump.get<Coin[]>('/coins/latest'), api: 'pumpfunn' });
  useRateLimit('billing');
  // @ts-expect-error a name that matches no registered API
  useRateLimit('biling');

  // meta typed through React Query's Register.
  useApiQuery({ queryKey: ['quiet'], queryFn: () => pump.get<Coin[]>('/coins/latest'), meta: { toast: false, errorMessage: 'Could not load coins' } });
  // @ts-expect-error toast is a boolean
  useApiQuery({ queryKey: ['bad-meta'], queryFn: () => pump.get<Coin[]>('/coins/latest'), meta: { toast: 'no' } });
  const buy = useApiMutation({ mutationFn: (mint: string) => pump.post<{ ok: true }>('/buy', { mint }), api: 'pumpfun', meta: { errorMessage: 'The buy did not go through' } });
  const mutationError: ApiError | null = buy.error;

  return { mints, error, mutationError };
}

// messages: catalog keys and `${api}.${CODE}` keys of registered APIs.
export const messages: MessageOverrides = {
  'kind.network.title': 'Hors ligne',
  'action.retry': 'Réessayer',
  'pumpfun.429': 'Pump.fun limite les requêtes.',
  'billing.CARD_DECLINED': 'Carte refusée.',
};
// @ts-expect-error not a catalog key
export const typoInCatalog: MessageOverrides = { 'kind.netwrk.title': 'x' };
// @ts-expect-error not a registered API
export const typoInApi: MessageOverrides = { 'biling.CARD_DECLINED': 'x' };

export function Root() {
  // onReauth may return whatever the app's sign-in returns.
  return <ApiErrorProvider queryClient={new QueryClient()} onReauth={() => signIn()} messages={messages} />;
}
