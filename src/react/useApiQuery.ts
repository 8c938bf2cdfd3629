import { useQuery, type QueryFunctionContext, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { normalizeError, type ApiError } from '../core/index.js';
import { useApiErrorContext } from './context.js';

export type UseApiQueryOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, ApiError, TData, TQueryKey>,
  'queryFn'
> & {
  queryFn: (context: QueryFunctionContext<TQueryKey>) => TQueryFnData | Promise<TQueryFnData>;
  /**
   * The API this query calls (a profile name, or an origin): while its rate-limit window is
   * closed, the query waits for it instead of sending a request that would be refused.
   */
  api?: string;
};

/** `useQuery` with faultline's retry policy, rate-limit windows honoured, and errors typed `ApiError`. */
export function useApiQuery<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseApiQueryOptions<TQueryFnData, TData, TQueryKey>,
): UseQueryResult<TData, ApiError> {
  const { queryPolicy, waitForWindow, profiles, queryClient } = useApiErrorContext();
  const { api, queryFn, ...rest } = options;
  return useQuery<TQueryFnData, ApiError, TData, TQueryKey>(
    {
      retry: queryPolicy.retry,
      retryDelay: queryPolicy.retryDelay,
      ...rest,
      queryFn: async (context) => {
        if (api) await waitForWindow(api, context.signal);
        try {
          return await queryFn(context);
        } catch (error) {
          throw normalizeError(error, { profiles, ...(api ? { api } : {}) });
        }
      },
    },
    queryClient,
  );
}
