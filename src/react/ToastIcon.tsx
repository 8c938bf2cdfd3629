import type { ErrorKind } from '../core/index.js';

/** The family a toast's icon and accent colour come from: what the person should make of it. */
export type ToastFamily = 'error' | 'input' | 'wait' | 'offline' | 'auth';

const FAMILY_BY_KIND: Partial<Record<ErrorKind, ToastFamily>> = {
  validation: 'input',
  not_found: 'input',
  conflict: 'input',
  gone: 'input',
  payload_too_large: 'input',
  rate_limited: 'wait',
  network: 'offline',
  timeout: 'offline',
  unauthorized: 'auth',
  forbidden: 'auth',
  payment_required: 'auth',
};

/** Server failures and anything unknown are errors; see FAMILY_BY_KIND for the rest. */
export function toastFamily(kind: ErrorKind): ToastFamily {
  return Object.hasOwn(FAMILY_BY_KIND, kind) ? FAMILY_BY_KIND[kind]! : 'error';
}

// 24-unit strokes drawn for this library (no icon font, nothing fetched), currentColor throughout.
const PATHS: Record<ToastFamily, string> = {
  error: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5v5.5M12 16.5v.01',
  input: 'M12 3.5 2.5 20h19zM12 10v4.5M12 17.5v.01',
  wait: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2',
  offline: 'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 4.2-2.4M14.8 10.6A10 10 0 0 1 19 13M2 9.2a15 15 0 0 1 4.4-2.6M10.7 5.6A15 15 0 0 1 22 9.2M12 20v.01',
  auth: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11M12 15v2',
};

/** The icon of a toast's family: decorative, so hidden from assistive technology. */
export function ToastIcon({ family }: { family: ToastFamily }) {
  return (
    <svg className="fl-toast-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[family]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
