import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { normalizeError, type ApiError } from '../core/index.js';
import { useApiErrorContext } from './context.js';

export type UseApiMutationOptions<TData, TVariables = void, TContext = unknown> = Omit<UseMutationOptions<TData, ApiError, TVariables, TContext>, 'mutationFn'> & {
  mutationFn: (variables: TVariables) => Promise<TData>;
};

/** `useMutation` with the mutation-safe retry policy (only what is safe to send twice) and errors typed `ApiError`. */
export function useApiMutation<TData, TVariables = void, TContext = unknown>(
  options: UseApiMutationOptions<TData, TVariables, TContext>,
): UseMutationResult<TData, ApiError, TVariables, TContext> {
  const { mutationPolicy, profiles, queryClient } = useApiErrorContext();
  const { mutationFn, ...rest } = options;
  return useMutation<TData, ApiError, TVariables, TContext>(
    {
      retry: mutationPolicy.retry,
      retryDelay: mutationPolicy.retryDelay,
      ...rest,
      mutationFn: async (variables) => {
        try {
          return await mutationFn(variables);
        } catch (error) {
          throw normalizeError(error, { profiles });
        }
      },
    },
    queryClient,
  );
}
