import { WiroConfigError } from './errors.js';
import type { WiroEventHandler } from './events.js';
import {
  createNonceSource,
  DEFAULT_BASE_URL,
  DEFAULT_SOCKET_URL,
  processNonce,
} from './protocol.js';
import { createRecorder, type Recorder } from './record.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { WiroCredentials } from './sign.js';

/** Options of {@link createWiroClient}. Every option beats its environment variable. */
export interface WiroClientOptions {
  /** Project API key. Falls back to `WIRO_API_KEY`. */
  apiKey?: string | undefined;
  /**
   * Project API secret; without one the client uses api-key-only auth.
   * Falls back to `WIRO_API_SECRET`.
   */
  apiSecret?: string | undefined;
  /**
   * REST base URL. Falls back to `WIRO_BASE_URL`.
   * @default 'https://api.wiro.ai/v1'
   */
  baseUrl?: string | undefined;
  /**
   * Realtime socket URL, or `false` to always poll. Falls back to `WIRO_SOCKET_URL`; otherwise
   * Wiro's socket for the default base URL, and the base URL with `ws(s)://` for any other
   * (which is where the emulator listens).
   */
  socketUrl?: string | false | undefined;
  /** Environment to read variables from. @default process.env */
  env?: Record<string, string | undefined> | undefined;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Clock in ms since epoch, used for nonces and Retry-After dates. @default Date.now */
  now?: (() => number) | undefined;
  /**
   * Nonce source; must never repeat.
   * @default strictly increasing milliseconds, shared by every client of the process
   */
  nonce?: (() => string) | undefined;
  /** User-Agent header. @default 'comics-factory-wiro-core/0.1' */
  userAgent?: string | undefined;
  /** Receives request, retry, status, progress and socket events. */
  onEvent?: WiroEventHandler | undefined;
  /** Retry policy overrides. */
  retry?: Partial<RetryPolicy> | undefined;
  /** Source of randomness for retry jitter. @default Math.random */
  random?: (() => number) | undefined;
  /**
   * Time allowed for one HTTP attempt before it is abandoned.
   * @default 30000
   */
  requestTimeoutMs?: number | undefined;
  /**
   * A file to append a transcript to: one JSON line per request with the endpoint and the shape
   * of the reply (keys, value types and string formats; never a key, secret, nonce, signature,
   * prompt or URL), plus socket frames and downloads. `false` turns it off. Falls back to
   * `WIRO_RECORD`.
   */
  record?: string | false | undefined;
}

/** Options after defaults and the environment were applied. */
export interface ResolvedConfig {
  credentials: WiroCredentials;
  baseUrl: string;
  socketUrl: string | false;
  fetch: typeof fetch;
  now: () => number;
  nonce: () => string;
  userAgent: string;
  onEvent: WiroEventHandler;
  retry: RetryPolicy;
  random: () => number;
  requestTimeoutMs: number;
  /** Receives transcript entries when recording is on. */
  record: Recorder | undefined;
}

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Derives the socket URL for a base URL (see {@link WiroClientOptions.socketUrl}). */
export function deriveSocketUrl(baseUrl: string): string {
  if (baseUrl === DEFAULT_BASE_URL) return DEFAULT_SOCKET_URL;
  return baseUrl.replace(/^http(s?):/, 'ws$1:');
}

/** Applies options, then the environment, then defaults; throws when no key can be found. */
export function resolveConfig(options: WiroClientOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.WIRO_API_KEY);
  if (!apiKey) {
    throw new WiroConfigError(
      'No Wiro API key: pass the apiKey option or set the WIRO_API_KEY environment variable.',
    );
  }
  const apiSecret = nonEmpty(options.apiSecret) ?? nonEmpty(env.WIRO_API_SECRET);
  const baseUrl = (
    nonEmpty(options.baseUrl) ??
    nonEmpty(env.WIRO_BASE_URL) ??
    DEFAULT_BASE_URL
  ).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new WiroConfigError(`The Wiro base URL must be http(s): got "${baseUrl}".`);
  }
  const socketUrl =
    options.socketUrl === false
      ? false
      : (nonEmpty(options.socketUrl) ?? nonEmpty(env.WIRO_SOCKET_URL) ?? deriveSocketUrl(baseUrl));
  const now = options.now ?? Date.now;
  const recordPath =
    options.record === false ? undefined : (nonEmpty(options.record) ?? nonEmpty(env.WIRO_RECORD));
  return {
    credentials: { apiKey, apiSecret },
    baseUrl,
    socketUrl,
    fetch: options.fetch ?? globalThis.fetch,
    now,
    nonce: options.nonce ?? (options.now ? createNonceSource(now) : processNonce),
    userAgent: options.userAgent ?? 'comics-factory-wiro-core/0.1',
    onEvent: options.onEvent ?? (() => {}),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    random: options.random ?? Math.random,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    record: recordPath ? createRecorder(recordPath, now) : undefined,
  };
}
