import { http as mswHttp, HttpResponse } from 'msw';
import { useState, type ReactNode } from 'react';
import { chainProfiles } from '../../src/chain/index.js';
import type { Recovery } from '../../src/core/index.js';
import { Demo } from '../support/Demo';

/** A JSON-RPC error object, or a whole HTTP answer, or a result, for one method. */
export type RpcAnswer = { result: unknown } | { error: { code: number; message: string; data?: unknown } } | { status: number; body: unknown; headers?: Record<string, string> };

/**
 * An MSW handler that plays a JSON-RPC node at `url`: each call is answered by `script` (by
 * method and how many times that method was called), so a story can fail once and then recover.
 */
export function rpcNode(url: string, script: (method: string, attempt: number) => RpcAnswer | undefined) {
  const attempts = new Map<string, number>();
  return mswHttp.post(url, async ({ request }) => {
    const call = (await request.json()) as { id: unknown; method: string };
    const attempt = (attempts.get(call.method) ?? 0) + 1;
    attempts.set(call.method, attempt);
    const answer = script(call.method, attempt) ?? { result: null };
    if ('status' in answer) return HttpResponse.json(answer.body as never, { status: answer.status, headers: answer.headers });
    return HttpResponse.json({ jsonrpc: '2.0', id: call.id, ...answer });
  });
}

/** A provider with the chain profiles, and a list of what the toasts asked the app to do. */
export function ChainDemo({ children }: { children: ReactNode }) {
  const [actions, setActions] = useState<Recovery[]>([]);
  return (
    <Demo profiles={chainProfiles} onAction={(action) => setActions((list) => [...list, action])}>
      {children}
      <h3>What the toasts asked the app to do</h3>
      <ol aria-label="App actions">
        {actions.map((action, index) => (
          <li key={index}>{action}</li>
        ))}
      </ol>
    </Demo>
  );
}
