import { skipToken, useQuery, type DefaultError, type QueryFunction, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { normalizeError, type ApiError } from '../core/index.js';
import { resolveApiRef, type ApiRef } from './api-ref.js';
import { useApiErrorContext } from './context.js';

/**
 * `useQuery`'s options (also as `queryOptions(...)` builds them, `skipToken` included) plus `api`.
 * Options typed for React Query's default error are accepted: the error they receive is an ApiError.
 */
export type UseApiQueryOptions<TQueryFnData = unknown, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey, TError = ApiError> = UseQueryOptions<
  TQueryFnData,
  TError,
  TData,
  TQueryKey
> & {
  /**
   * The API this query calls: the client, its profile, or a registered name. While its rate-limit
   * window is closed the query waits for it instead of sending a request that would be refused.
   */
  api?: ApiRef;
};

/** `useQuery` with faultline's retry policy, rate-limit windows honoured, and errors typed `ApiError`. */
export function useApiQuery<TQueryFnData = unknown, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey, TError extends DefaultError | ApiError = ApiError>(
  options: UseApiQueryOptions<TQueryFnData, TData, TQueryKey, TError>,
): UseQueryResult<TData, ApiError> {
  const { queryPolicy, waitForWindow, profiles, queryClient } = useApiErrorContext();
  const { api, queryFn, ...rest } = options as UseApiQueryOptions<TQueryFnData, TData, TQueryKey, ApiError>;
  const { windowKey, profile } = resolveApiRef(api, profiles);
  const wrapped: QueryFunction<TQueryFnData, TQueryKey> = async (context) => {
    if (windowKey !== null) await waitForWindow(windowKey, context.signal);
    try {
      return await (queryFn as QueryFunction<TQueryFnData, TQueryKey>)(context);
    } catch (error) {
      throw normalizeError(error, { profiles, ...(profile ? { api: profile } : {}) });
    }
  };
  return useQuery<TQueryFnData, ApiError, TData, TQueryKey>(
    {
      retry: queryPolicy.retry,
      retryDelay: queryPolicy.retryDelay,
      ...rest,
      // skipToken and a missing queryFn (a default queryFn on the client) pass through as they are.
      queryFn: queryFn === skipToken || queryFn === undefined ? queryFn : wrapped,
    },
    queryClient,
  );
}
