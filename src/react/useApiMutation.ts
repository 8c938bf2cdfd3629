import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { normalizeError, type ApiError } from '../core/index.js';
import { resolveApiRef, type ApiRef } from './api-ref.js';
import { useApiErrorContext } from './context.js';

export type UseApiMutationOptions<TData, TVariables = void, TContext = unknown> = Omit<UseMutationOptions<TData, ApiError, TVariables, TContext>, 'mutationFn'> & {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The API it calls: the client, its profile, or a registered name; it waits for that API's window before sending. */
  api?: ApiRef;
};

/** `useMutation` with the mutation-safe retry policy (only what is safe to send twice) and errors typed `ApiError`. */
export function useApiMutation<TData, TVariables = void, TContext = unknown>(
  options: UseApiMutationOptions<TData, TVariables, TContext>,
): UseMutationResult<TData, ApiError, TVariables, TContext> {
  const { mutationPolicy, waitForWindow, profiles, queryClient } = useApiErrorContext();
  const { api, mutationFn, ...rest } = options;
  const { windowKey, profile } = resolveApiRef(api, profiles);
  return useMutation<TData, ApiError, TVariables, TContext>(
    {
      retry: mutationPolicy.retry,
      retryDelay: mutationPolicy.retryDelay,
      ...rest,
      mutationFn: async (variables) => {
        if (windowKey !== null) await waitForWindow(windowKey);
        try {
          return await mutationFn(variables);
        } catch (error) {
          throw normalizeError(error, { profiles, ...(profile ? { api: profile } : {}) });
        }
      },
    },
    queryClient,
  );
}
