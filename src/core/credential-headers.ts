import { toHeaderMap } from './headers.js';

// Request headers that carry credentials; their values are secrets wherever they reappear (a server
// that echoes the key it refused, an SDK that quotes its request).
// A vendor's prefix counts too: `x-goog-api-key`, `x-client-auth-token`.
const CREDENTIAL_HEADER = /(?:^|-)(?:authorization|api-?key|auth-token|cookie)$/i;

/**
 * The credentials request headers carry, from whatever holds them (`Headers`, a plain object as
 * axios's `config.headers`, pairs): each value as sent (trimmed, as `Headers` sends it) and, after
 * a scheme (`Bearer …`), the token alone.
 */
export function credentialSecrets(headers: unknown): string[] {
  const secrets: string[] = [];
  for (const [name, value] of toHeaderMap(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    const sent = value.trim();
    secrets.push(sent);
    // Only a `scheme token` pair: a value of three words has no one token.
    const token = /^\S+\s+(\S{4,})$/.exec(sent)?.[1];
    if (token) secrets.push(token);
  }
  return secrets;
}
