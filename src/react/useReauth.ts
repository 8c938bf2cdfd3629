import type { ApiError } from '../core/index.js';
import type { ReauthStatus } from '../store/index.js';
import { useApiErrorContext } from './context.js';
import { useApiErrorStore } from './useApiErrorStore.js';

export interface ReauthApi {
  status: ReauthStatus;
  /** The 401 that asked for it, or why the last attempt failed. */
  error: ApiError | null;
  /** Calls the app's `onReauth` once (single flight); resolves when it settles. */
  reauthenticate: () => Promise<void>;
}

/** The re-authentication state: `ok → required → refreshing → ok | failed`. */
export function useReauth(): ReauthApi {
  const { reauthenticate } = useApiErrorContext();
  const reauth = useApiErrorStore((state) => state.reauth);
  return { status: reauth.status, error: reauth.error, reauthenticate };
}
