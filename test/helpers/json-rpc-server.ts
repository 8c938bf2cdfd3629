import type { ServerResponse } from 'node:http';
import { respond, startLocalServer, type SeenRequest } from './local-server.js';

/** One JSON-RPC call as the server received it. */
export interface RpcCall {
  method: string;
  params: unknown;
  id: unknown;
}

/**
 * What the scripted node answers to one call: a result, a JSON-RPC error object, or a whole HTTP
 * reply (a 429 with headers, a text body) when the failure is at the HTTP level.
 */
export type RpcAnswer =
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } }
  | { http: { status: number; body?: unknown; headers?: Record<string, string> } };

export type RpcScript = (call: RpcCall) => RpcAnswer;

function reply(call: RpcCall, answer: RpcAnswer) {
  return 'result' in answer ? { jsonrpc: '2.0', id: call.id, result: answer.result } : { jsonrpc: '2.0', id: call.id, error: (answer as { error: unknown }).error };
}

/**
 * A real JSON-RPC node on 127.0.0.1 (random port) that answers each call as `script` says:
 * the libraries under test talk to it over real HTTP, so what they throw is what they would
 * throw in production. Batches (ethers sends them) are answered call by call.
 */
export async function startJsonRpcServer(script: RpcScript) {
  const calls: RpcCall[] = [];
  const server = await startLocalServer((request: SeenRequest, res: ServerResponse) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      respond(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    const batch = Array.isArray(parsed);
    const list = (batch ? parsed : [parsed]) as RpcCall[];
    const answers = list.map((call) => {
      calls.push(call);
      return [call, script(call)] as const;
    });
    const http = answers.find(([, answer]) => 'http' in answer)?.[1];
    if (http && 'http' in http) {
      respond(res, http.http.status, http.http.body, http.http.headers);
      return;
    }
    const bodies = answers.map(([call, answer]) => reply(call, answer));
    respond(res, 200, batch ? bodies : bodies[0]);
  });
  return { url: server.url, calls, close: server.close };
}
