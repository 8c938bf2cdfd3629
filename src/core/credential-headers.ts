import { toHeaderMap } from './headers.js';

// Request headers that carry credentials; their values are secrets wherever they reappear (a server
// that echoes the key it refused, an SDK that quotes its request).
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|cookie)$/i;

/**
 * The credentials request headers carry, from whatever holds them (`Headers`, a plain object as
 * axios's `config.headers`, pairs): each value as sent (trimmed, as `Headers` sends it) and, after
 * a scheme (`Bearer …`), the token alone.
 */
export function credentialSecrets(headers: unknown): string[] {
  const secrets: string[] = [];
  for (const [name, value] of toHeaderMap(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    secrets.push(value.trim());
    const token = /^\s*\S+\s+(\S{4,})\s*$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  return secrets;
}
