import type { BodyFields } from '../core/body-fields.js';
import type { ErrorKind } from '../core/kinds.js';
import { ERROR_KINDS } from '../core/kinds.js';
import type { ThrownReading } from '../core/profile.js';
import { prop } from '../core/safe.js';

/** What a chain reader found in a thrown value, before the profile's code table applies. */
export interface ChainFinding {
  /** A key of the profile's `codes` when the failure is one it knows; otherwise the SDK's own code. */
  code: string;
  /** The most specific text the SDK gave (a revert reason, a decoded program error, the node's message). */
  message: string | null;
  details?: unknown;
  /** The kind when no rule in the table says (an unknown program or contract failure). */
  kind?: ErrorKind;
  /** A wait the payload states (Infura's `data.rate.backoff_seconds`). */
  retryAfterSeconds?: number | null;
  status?: number | null;
  headers?: unknown;
  url?: string | null;
}

/** The finding as the core reads a thrown value: a flat body its profile's `read` understands. */
export function toReading(finding: ChainFinding): ThrownReading {
  return {
    body: {
      chain: true,
      code: finding.code,
      message: finding.message,
      ...(finding.details === undefined ? {} : { details: finding.details }),
      ...(finding.kind ? { kind: finding.kind } : {}),
      ...(finding.retryAfterSeconds != null ? { retryAfterSeconds: finding.retryAfterSeconds } : {}),
    },
    status: finding.status ?? null,
    headers: finding.headers,
    url: originOf(finding.url),
  };
}

/**
 * Only the origin of an RPC URL is kept: providers put the API key in the path (Infura `/v3/<key>`,
 * Alchemy `/v2/<key>`, QuickNode `/<token>/`), and the origin is all a rate-limit window needs.
 */
function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.origin}/` : null;
  } catch {
    return null;
  }
}

/** The profile's `read` for those bodies: the kind hint and details as the finding gave them. */
export function readChainBody(body: unknown): BodyFields {
  if (prop(body, 'chain') !== true) return {};
  const kind = prop(body, 'kind');
  return {
    details: prop(body, 'details'),
    kindHint: typeof kind === 'string' && (ERROR_KINDS as readonly string[]).includes(kind) ? (kind as ErrorKind) : null,
  };
}
