// faultline/core: framework-agnostic. Nothing in this module graph may import React,
// React Query or Zustand (checked by test/core-imports.test.ts).
export { isApiError } from './is-api-error.js';
export { ApiError, type ApiErrorInit, type ApiErrorRequest, type RetryAfterSource } from './api-error.js';
export { ERROR_KINDS, kindFromStatus, type ErrorKind } from './kinds.js';
export type { Recovery } from './recovery.js';
export type { RateLimitInfo } from './rate-limit-headers.js';
export type { NormalizeContext } from './context.js';
export { normalizeError, errorFromResponse } from './normalize.js';
export { defineApi, type ApiProfile, type CodeRule, type ThrownReading } from './profile.js';
export type { BodyFields } from './body-fields.js';
export { bodySignalsError } from './body-fields.js';
export { builtInProfiles, genericEnvelope, ipfsPinning, pirateCrew, pumpFun, solanaSwap } from './profiles/index.js';
export { builtInMessages, genericEnvelopeMessages, ipfsPinningMessages, pirateCrewMessages, pumpFunMessages, solanaSwapMessages } from './profiles/index.js';
export { anthropic, discord, gitHub, openAi, vendorHeaderProfiles } from './profiles/vendor-headers.js';
export type { HeaderContext, HeaderReading } from './profile.js';
export type { HeaderMap } from './headers.js';
export { parseRetryAfter } from './retry-after.js';
export { rateLimitFromHeaders } from './rate-limit-headers.js';
export { toHeaderMap } from './headers.js';
export { createRetryPolicy, isSafeToResend, type RetryOptions, type RetryPolicy } from './retry-policy.js';
export { createApiClient, type ApiClient, type ApiClientAuth, type ApiClientOptions, type ApiRequestInit } from './api-client.js';
export { defaultMessages, describeError, errorFacts, formatMessage, type CatalogKey, type DescribeOptions, type ErrorDescription, type ErrorFacts, type MessageKey, type MessageOverrides, type Messages, type ReauthPromptKey } from './messages.js';
export { MAX_TIMER_MS, timerDelay } from './retry-after.js';
/** An http(s) URL, or null (javascript:, data:, relative, junk): the check for links rendered from errors. */
export { safeHttpUrl as httpUrl } from './url-safety.js';
export { EXPOSE_WAIT_HEADERS } from './expose-headers-hint.js';
export type { ApiName, Register } from './register.js';
