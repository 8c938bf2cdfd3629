import { normalizeError, type ApiError } from '../core/index.js';
import { activeClient } from '../store/mounted-clients.js';

/**
 * Puts any error through the mounted `<ApiErrorProvider>` from outside React (an event handler,
 * a wallet callback, a WebSocket). Returns the normalized error; without a provider it only normalizes.
 */
export function reportError(error: unknown): ApiError {
  const client = activeClient();
  return client ? client.report(error) : normalizeError(error);
}

/**
 * Lets the provider see a successful response's rate-limit headers (`X-RateLimit-Remaining: 0`
 * closes the window before a 429). Fits `createApiClient({ onResponse: (r) => reportResponse(r, 'pumpfun') })`.
 */
export function reportResponse(response: Response, api?: string): void {
  activeClient()?.observeResponse(response, api);
}
