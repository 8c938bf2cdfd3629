import { ApiError, type ApiErrorInit } from '../../src/core/index.js';

const request = { method: 'GET', url: 'https://api.example.com/v1/orders' };

/** One error per toast family (see src/react/ToastIcon.tsx), as the stories and screenshots show them. */
export const familySamples = {
  error: { kind: 'server', status: 500, message: 'failed', retryable: true, requestId: 'req_8f2c', request },
  input: { kind: 'validation', status: 400, message: "Missing required 'user_id' parameter.", code: 'INVALID_REQUEST', request },
  wait: { kind: 'rate_limited', status: 429, message: 'failed', retryable: true, request },
  offline: { kind: 'network', message: 'Failed to fetch', retryable: true, request },
  auth: { kind: 'forbidden', status: 403, message: 'API key missing required scope(s): fees:claim', request },
} satisfies Record<string, ApiErrorInit>;

/** A fresh ApiError of each family. */
export function sampleErrors(): ApiError[] {
  return Object.values(familySamples).map((init) => new ApiError(init));
}
