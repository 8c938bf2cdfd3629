// The store layer, for faultline's own modules and tests. What apps may import is chosen in src/index.ts.
export {
  createApiErrorStore,
  delayUntil,
  MAX_RATE_LIMIT_WINDOWS,
  nextDeadline,
  rateLimitWindow,
  type ApiErrorState,
  type ApiErrorStore,
  type ApiErrorStoreOptions,
  type RateLimitWindow,
  type ReauthState,
  type ReauthStatus,
  type ToastOptions,
  type ToastAction,
  type ToastEntry,
} from './api-error-store.js';
export { createApiErrorClient, type ApiErrorClient, type ApiErrorClientCallbacks, type ApiErrorClientOptions } from './api-error-client.js';
export { activeClient } from './mounted-clients.js';
export { documentVisibility, type PageVisibility } from './page-visibility.js';
export { report, type ReportOptions } from './report.js';
export { rateLimitKey, type RateLimitKeySource } from './rate-limit-key.js';
export { toastDuration, toastKey, type ToastDurations } from './toast-rules.js';
export { noteRateLimitHeaders, waitForRateLimitWindow } from './rate-limit-gate.js';
