// faultline: the core, the store and the React layer. `faultline/core` is the React-free part.
export * from './core/index.js';
// The store's public face: faultline's client below React and the shapes its state takes. The
// store's own rules (deadlines, keys, reporting) stay inside.
export { createApiErrorClient, type ApiErrorClient, type ApiErrorClientOptions } from './store/api-error-client.js';
export type { PageVisibility } from './store/page-visibility.js';
export type {
  ApiErrorState,
  ApiErrorStore,
  ApiErrorStoreOptions,
  RateLimitWindow,
  ReauthState,
  ReauthStatus,
  ToastAction,
  ToastEntry,
  ToastOptions,
} from './store/api-error-store.js';
export type { ToastDurations } from './store/toast-rules.js';
export * from './react/index.js';
