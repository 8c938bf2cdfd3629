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
  type ReportOptions,
  type ToastAction,
  type ToastEntry,
} from './api-error-store.js';
export { recordIncident, type IncidentOptions } from './report.js';
export { rateLimitKey, rateLimitKeyFor, toastDuration, toastKey, type ToastDurations } from './toast-rules.js';
export { noteRateLimitHeaders, waitForRateLimitWindow } from './rate-limit-gate.js';
