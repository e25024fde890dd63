import { computeSignature, createNonceSource } from 'wiro-core';

/** Where and as whom the helper talks. */
export interface Target {
  url: string;
  apiKey: string;
  apiSecret?: string | undefined;
}

/** A parsed API reply. */
export interface JsonReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Loose reply body: enough typing for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test replies are checked field by field by expect().
export type Body = Record<string, any>;

const nonce = createNonceSource();

/** Auth headers for one request: signature mode when a secret is set, else api-key only. */
export function authHeaders(target: Target, fixedNonce = nonce()): Record<string, string> {
  if (!target.apiSecret) return { 'x-api-key': target.apiKey };
  return {
    'x-api-key': target.apiKey,
    'x-nonce': fixedNonce,
    'x-signature': computeSignature(target.apiKey, target.apiSecret, fixedNonce),
  };
}

/** POSTs to `target.url + path`, signed afresh; JSON bodies unless given FormData. */
export function signedFetch(
  target: Target,
  path: string,
  body: unknown = {},
  headers: Record<string, string> = authHeaders(target),
): Promise<Response> {
  const isForm = body instanceof FormData;
  return fetch(target.url + path, {
    method: 'POST',
    headers: isForm ? headers : { ...headers, 'content-type': 'application/json' },
    body: isForm ? body : JSON.stringify(body),
  });
}

/** {@link signedFetch} and parse the JSON reply. */
export async function postJson<T = Body>(
  target: Target,
  path: string,
  body: unknown = {},
  headers?: Record<string, string>,
): Promise<JsonReply<T>> {
  const response = await signedFetch(target, path, body, headers);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** Small, valid Comics-Factory inputs. */
export const INPUTS = {
  prompt: 'ComicsFact1 style. A lighthouse on a cliff at dusk.',
  samples: 1,
  steps: 10,
  scale: '3.5',
  seed: '93080474',
  width: 256,
  height: 320,
};

/** The Run path of the seed model. */
export const RUN_PATH = '/Run/Adel_AI/Comics-Factory-v1';

/** Runs the seed model and returns the accepted task id and token (throws if not accepted). */
export async function runTask(
  target: Target,
  inputs: Record<string, unknown> = INPUTS,
): Promise<{ taskid: string; socketaccesstoken: string }> {
  const reply = await postJson(target, RUN_PATH, inputs);
  if (reply.body.result !== true) throw new Error(`Run refused: ${JSON.stringify(reply.body)}`);
  return reply.body as unknown as { taskid: string; socketaccesstoken: string };
}
