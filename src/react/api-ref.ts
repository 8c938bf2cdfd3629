import type { ApiClient, ApiName, ApiProfile } from '../core/index.js';

/** The API a query or mutation calls: the client itself, its profile, or a registered name (see `Register`). */
export type ApiRef = ApiName | ApiProfile | ApiClient;

/** What a hook needs of its `api`: the window it waits for, and how its errors are read. */
export interface ResolvedApi {
  /** The rate-limit window key (a profile's name, else the client's origin); null: no window to wait for. */
  windowKey: string | null;
  /** Forces the profile its errors are read with. */
  profile: ApiProfile | undefined;
}

declare const process: { env: { NODE_ENV?: string } };

const NONE: ResolvedApi = { windowKey: null, profile: undefined };
const warned = new Set<string>();

function isClient(value: object): value is ApiClient {
  return typeof (value as Partial<ApiClient>).request === 'function' && typeof (value as Partial<ApiClient>).origin === 'function';
}

/**
 * Resolves a hook's `api`. A client or a profile says everything itself. A name must be one of the
 * provider's `profiles` (profiles are opt-in: no built-in one is looked up, nor shipped, by name)
 * or an origin ('https://api.example.com'); anything else waits for no window and, in development,
 * warns once: its errors are keyed by their own profile or origin, which that name is not.
 */
export function resolveApiRef(api: ApiRef | undefined, profiles: readonly ApiProfile[]): ResolvedApi {
  if (typeof api === 'object' && api !== null) {
    if (isClient(api)) return { windowKey: api.api?.name ?? api.origin(), profile: api.api ?? undefined };
    return typeof api.name === 'string' ? { windowKey: api.name, profile: api } : NONE;
  }
  if (typeof api !== 'string') return NONE;
  const profile = profiles.find((candidate) => candidate.name === api);
  if (profile) return { windowKey: api, profile };
  if (/^https?:\/\/[^/]+$/i.test(api)) return { windowKey: api.toLowerCase(), profile: undefined };
  // Development builds only, the literal `process.env.NODE_ENV` kept for bundlers to replace; a
  // plain ES module without a bundler has no `process`: no warning then (see store/report.ts).
  try {
    if (process.env.NODE_ENV !== 'production' && !warned.has(api)) {
      warned.add(api);
      console.warn(`faultline: api '${api}' matches no profile of <ApiErrorProvider profiles> (${profiles.map((known) => known.name).join(', ')}) nor an origin; no rate-limit window to wait for. Pass the client or its profile.`);
    }
  } catch {
    // No `process`: a plain ES module.
  }
  return NONE;
}
