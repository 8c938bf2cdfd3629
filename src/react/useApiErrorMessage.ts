import { useMemo } from 'react';
import { describeError, normalizeError, type ErrorDescription } from '../core/index.js';
import { ApiErrorContext } from './context.js';
import { useContext } from 'react';

/**
 * `{ title, description, action }` for a person to read, in the provider's language.
 * Null for no error. Works outside a provider too (in English).
 */
export function useApiErrorMessage(error: unknown): ErrorDescription | null {
  const context = useContext(ApiErrorContext);
  return useMemo(() => {
    if (error === null || error === undefined) return null;
    return describeError(normalizeError(error, { profiles: context?.profiles }), { messages: context?.messages, profiles: context?.profiles, now: context?.now() });
  }, [error, context]);
}
