import type { BodyFields } from './body-fields.js';
import type { HeaderMap } from './headers.js';
import type { ErrorKind } from './kinds.js';
import type { RateLimitInfo } from './rate-limit-headers.js';
import type { Recovery } from './recovery.js';

/** How one code (or one status) of an API is handled. Every field is optional. */
export interface CodeRule {
  /** Default: the kind the HTTP status implies. */
  kind?: ErrorKind;
  /** May the same request be sent again automatically. Default: whether the kind is transient. */
  retry?: boolean;
  /** The API's cap on automatic retries (its "at most 3 attempts" is 2 retries). */
  maxRetries?: number;
  /** The wait to assume when the server does not send one (the API documents a default). */
  defaultWaitMs?: number;
  /** Resending the exact same request is safe even for a POST (the server deduplicates it). */
  safeToResend?: boolean;
  /** What a person should do next. */
  recovery?: Recovery;
  /**
   * Your own profile's words for people; `{name}` placeholders are filled from `details` and the
   * error. Reading an error never uses it: `describeError` finds it under `ApiError.messageKey`
   * when the profile is among its `profiles`. The built-in profiles keep theirs in a catalog beside
   * them (`pumpFunMessages`, …) that only UI code imports.
   */
  message?: string;
}

/**
 * What a profile reads from a value an SDK threw (not an HTTP response): a body in the profile's
 * own terms (read like any error body, with the profile's `read` and `codes`), and what the SDK
 * kept of the exchange.
 */
export interface ThrownReading {
  body: unknown;
  status?: number | null;
  /** Response headers the SDK kept (a Headers object or a plain record), for Retry-After. */
  headers?: unknown;
  /** The URL the failed request went to, when the SDK names it (it keys the rate-limit window). */
  url?: string | null;
}

/** What a failed exchange said, as far as the general reading got: given to `ApiProfile.readHeaders`. */
export interface HeaderContext {
  status: number | null;
  /** The server's message, plain text. */
  message: string | null;
  /** The rate-limit state the standard header families gave. */
  rateLimit: RateLimitInfo | null;
  now: number;
}

/** What an API's own headers add to the general reading; each key given replaces the general value. */
export interface HeaderReading {
  rateLimit?: RateLimitInfo | null;
  /** The API's own word on retrying this very request; wins over `Stripe-Should-Retry` / `X-Should-Retry`. */
  retry?: boolean | null;
  /** A kind the headers imply (GitHub's spent quota on a 403); a code rule still wins. */
  kind?: ErrorKind | null;
  /** The wait to assume when the response names none (GitHub's secondary limit: a minute). */
  defaultWaitMs?: number | null;
}

/** An API's error dialect: which requests are its own, how its bodies read, and a table of its codes. */
export interface ApiProfile {
  /** Stable id, e.g. 'solana-swap'; becomes `ApiError.api`. */
  name: string;
  /** A name for people ("Pump.fun"). */
  title?: string;
  /** Hosts whose requests belong to this API; 'pump.fun' also matches its subdomains. */
  hosts?: readonly string[];
  /** Further URL test, for APIs that share a host (matched on the full URL). */
  matchUrl?: (url: URL) => boolean;
  /** Recognises this API's error body when the URL did not say (used in profile order). */
  recognize?: (body: unknown) => boolean;
  /**
   * Reads fields the general reader would miss or misread, given that reading: each key it returns
   * (even as undefined) replaces the general one.
   */
  read?: (body: unknown, general: BodyFields) => BodyFields;
  /**
   * Reads the API's own header dialect (rate-limit families and retry advice that only its SDKs
   * honour) after the standard families: see `vendor-headers.ts` for OpenAI, Anthropic, GitHub
   * and Discord.
   */
  readHeaders?: (headers: HeaderMap, context: HeaderContext) => HeaderReading | null | undefined;
  /** Recognises a 2xx body that reports a failure all the same (an async job that failed). */
  isFailedBody?: (body: unknown) => boolean;
  /** @deprecated The old name of `isFailedBody`; still read when `isFailedBody` is absent. */
  failedBody?: (body: unknown) => boolean;
  /**
   * Reads a thrown value that carries no HTTP response (a wallet's or an SDK's error) when it is
   * this API's; null when it is not. Only profiles the caller gives are asked, in their order.
   */
  readThrown?: (thrown: unknown) => ThrownReading | null;
  /** The API's codes, verbatim as it sends them. */
  codes?: Readonly<Record<string, CodeRule>>;
  /** Rules for statuses that come without a code (or whose code is not in `codes`). */
  statuses?: Readonly<Record<number, CodeRule>>;
}

/**
 * Declares an API profile; checks it once so mistakes show at start-up, not at the first error.
 * Marked free of side effects (it only validates and returns its argument) so that an app's
 * bundler may drop a module-level `defineApi({...})` whose profile nothing imports.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineApi<const P extends ApiProfile>(profile: P): P {
  if (typeof profile.name !== 'string' || profile.name.trim() === '') {
    throw new TypeError('defineApi: a profile needs a non-empty `name`.');
  }
  for (const [code, rule] of Object.entries(profile.codes ?? {})) {
    if (rule.maxRetries !== undefined && !(rule.maxRetries >= 0)) {
      throw new TypeError(`defineApi(${profile.name}): code ${code} has an invalid maxRetries.`);
    }
  }
  return profile;
}

/** A rule and the key it sits under in its profile's table (`QUOTE_EXPIRED`, `'429'`). */
export interface RuleMatch {
  key: string;
  rule: CodeRule;
}

/** The rule for a code (verbatim first, then ignoring case), else for the status. */
export function findRule(profile: ApiProfile | null, code: string | null, status: number | null): RuleMatch | undefined {
  const codes = profile?.codes;
  if (codes && code !== null) {
    const lower = code.toLowerCase();
    const key = Object.prototype.hasOwnProperty.call(codes, code) ? code : Object.keys(codes).find((candidate) => candidate.toLowerCase() === lower);
    if (key !== undefined) return { key, rule: codes[key]! };
  }
  const statuses = profile?.statuses;
  if (statuses && status !== null && Object.prototype.hasOwnProperty.call(statuses, status)) return { key: String(status), rule: statuses[status]! };
  return undefined;
}

/** Whether a URL belongs to a profile, by host (and subdomains) or its own test. Never throws. */
export function profileMatchesUrl(profile: ApiProfile, url: URL): boolean {
  try {
    const host = url.hostname.toLowerCase();
    if (profile.hosts?.some((h) => host === h || host.endsWith(`.${h}`))) return true;
    return profile.matchUrl ? profile.matchUrl(url) === true : false;
  } catch {
    return false;
  }
}
