import { builtInProfiles, type ApiClient, type ApiName, type ApiProfile } from '../core/index.js';

/** The API a query or mutation calls: the client itself, its profile, or a registered name (see `Register`). */
export type ApiRef = ApiName | ApiProfile | ApiClient;

/** What a hook needs of its `api`: the window it waits for, and how its errors are read. */
export interface ResolvedApi {
  /** The rate-limit window key (a profile's name, else the client's origin); null: no window to wait for. */
  windowKey: string | null;
  /** Forces the profile its errors are read with. */
  profile: ApiProfile | string | undefined;
}

declare const process: { env: { NODE_ENV?: string } };

const NONE: ResolvedApi = { windowKey: null, profile: undefined };
const warned = new Set<string>();

function isClient(value: object): value is ApiClient {
  return typeof (value as Partial<ApiClient>).request === 'function' && typeof (value as Partial<ApiClient>).origin === 'function';
}

/**
 * Resolves a hook's `api`. A name must be a profile's (the provider's `profiles` or a built-in one)
 * or an origin ('https://api.example.com'); anything else waits for no window and, in development,
 * warns once: its errors are keyed by their own profile or origin, which that name is not.
 */
export function resolveApiRef(api: ApiRef | undefined, profiles: readonly ApiProfile[]): ResolvedApi {
  if (api === undefined || api === null) return NONE;
  if (typeof api === 'object') {
    if (isClient(api)) return { windowKey: api.api?.name ?? api.origin(), profile: api.api ?? undefined };
    return typeof api.name === 'string' ? { windowKey: api.name, profile: api } : NONE;
  }
  if (typeof api !== 'string') return NONE;
  if (profiles.some((profile) => profile.name === api) || builtInProfiles.some((profile) => profile.name === api)) return { windowKey: api, profile: api };
  if (/^https?:\/\/[^/]+$/i.test(api)) return { windowKey: api.toLowerCase(), profile: undefined };
  // Development builds only; production bundles drop it (the convention React and React Query use).
  if (process.env.NODE_ENV !== 'production' && !warned.has(api)) {
    warned.add(api);
    const known = [...profiles, ...builtInProfiles].map((profile) => profile.name).join(', ');
    console.warn(`faultline: api '${api}' matches no profile (known: ${known}) and is not an origin, so this query waits for no rate-limit window. Pass the client or its profile instead, or add the profile to <ApiErrorProvider profiles>.`);
  }
  return NONE;
}
