import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describeError, errorCode } from './_utils.js';
import type { ResolvedConfig } from './config.js';
import { WiroAbortError, WiroDownloadError, WiroOutputExpiredError } from './errors.js';
import { withRetry } from './retry.js';
import type { TaskOutput } from './types.js';

/** Options of `downloadOutput`. */
export interface DownloadOptions {
  /**
   * Largest file accepted, in bytes.
   * @default 104857600 (100 MiB)
   */
  maxBytes?: number | undefined;
  /** When given, the file must have this sha256 (hex); an existing file with it is kept. */
  sha256?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** What `downloadOutput` did. */
export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  /** True when an identical file was already there and nothing was fetched. */
  skipped: boolean;
}

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Statuses a CDN answers for a URL that stopped working (expired or withdrawn). */
const EXPIRED_STATUSES: ReadonlySet<number> = new Set([403, 404, 410]);

/** sha256 and size of a file, or undefined when there is none. */
async function hashFile(path: string): Promise<{ bytes: number; sha256: string } | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const hash = createHash('sha256');
    await pipeline(createReadStream(path), hash);
    return { bytes: info.size, sha256: hash.digest('hex') };
  } catch {
    return undefined;
  }
}

const mediaType = (value: string | null) => (value ?? '').split(';')[0]!.trim().toLowerCase();

/** One attempt: fetch, check, stream to a temporary file, rename. */
async function downloadOnce(
  config: ResolvedConfig,
  output: TaskOutput,
  path: string,
  maxBytes: number,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const label = `download of ${output.name || 'output'}`;
  let response: Response;
  try {
    response = await config.fetch(output.url, {
      headers: { 'user-agent': config.userAgent },
      signal: options.signal ?? null,
    });
  } catch (error) {
    config.record?.({ endpoint: 'GET output', status: null, error: errorCode(error) ?? 'failed' });
    if (options.signal?.aborted) throw new WiroAbortError(`${label} was aborted`, undefined, error);
    throw new WiroDownloadError(`${label} failed: ${describeError(error)}`, true, error);
  }
  config.record?.({
    endpoint: 'GET output',
    status: response.status,
    contentType: mediaType(response.headers.get('content-type')) || undefined,
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    if (EXPIRED_STATUSES.has(response.status)) {
      throw new WiroOutputExpiredError(
        `${label} failed: HTTP ${response.status} (the URL has likely expired; ask Task/Detail again)`,
        response.status,
      );
    }
    const transient = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new WiroDownloadError(`${label} failed: HTTP ${response.status}`, transient);
  }
  const declared = output.size;
  const lengthHeader = response.headers.get('content-length');
  const contentLength = lengthHeader === null ? undefined : Number(lengthHeader);
  const refuse = async (message: string, transient = false) => {
    await response.body?.cancel().catch(() => {});
    return new WiroDownloadError(`${label} refused: ${message}`, transient);
  };
  const got = mediaType(response.headers.get('content-type'));
  const want = mediaType(output.contentType);
  if (want && got && got !== want) throw await refuse(`content type ${got}, expected ${want}`);
  if (contentLength !== undefined && contentLength > maxBytes) {
    throw await refuse(`${contentLength} bytes is over the ${maxBytes}-byte limit`);
  }
  if (declared !== undefined && contentLength !== undefined && declared !== contentLength) {
    throw await refuse(`server sends ${contentLength} bytes, task declared ${declared}`, true);
  }

  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new WiroDownloadError(`${label} refused: over the ${maxBytes}-byte limit`, false));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
      meter,
      createWriteStream(temporary),
    );
    const expected = contentLength ?? declared;
    if (expected !== undefined && bytes !== expected) {
      throw new WiroDownloadError(`${label} truncated: ${bytes} of ${expected} bytes`, true);
    }
    const sha256 = hash.digest('hex');
    if (options.sha256 && options.sha256 !== sha256) {
      throw new WiroDownloadError(
        `${label} has sha256 ${sha256}, expected ${options.sha256}`,
        true,
      );
    }
    await rename(temporary, path);
    return { path, bytes, sha256, skipped: false };
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof WiroDownloadError) throw error;
    if (options.signal?.aborted) throw new WiroAbortError(`${label} was aborted`, undefined, error);
    throw new WiroDownloadError(`${label} failed: ${describeError(error)}`, true, error);
  }
}

/**
 * Downloads a task output to `path`: only http(s) URLs, checks status, content type, declared size
 * and a maximum size, streams to a temporary file in the same folder and renames it into place, so
 * `path` never holds a partial file. Transient failures are retried by the client's policy. When a
 * file with the same size (and sha256, if given) is already there, nothing is fetched.
 */
export async function downloadOutput(
  config: ResolvedConfig,
  output: TaskOutput,
  path: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  let protocol: string;
  try {
    protocol = new URL(output.url).protocol;
  } catch {
    throw new WiroDownloadError(`Refusing to download "${output.url}": not a URL`, false);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new WiroDownloadError(`Refusing to download a ${protocol} URL: only http(s)`, false);
  }
  const existing = await hashFile(path);
  if (
    existing &&
    (options.sha256 ? existing.sha256 === options.sha256 : output.size === existing.bytes)
  ) {
    config.onEvent({
      type: 'download',
      name: output.name,
      bytes: existing.bytes,
      path,
      skipped: true,
    });
    return { path, ...existing, skipped: true };
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const operation = `GET ${output.name || 'output'}`;
  const result = await withRetry(() => downloadOnce(config, output, path, maxBytes, options), {
    policy: config.retry,
    idempotent: true,
    operation,
    random: config.random,
    signal: options.signal,
    onRetry: (retry) => config.onEvent({ type: 'retry', operation, ...retry }),
  });
  config.onEvent({
    type: 'download',
    name: output.name,
    bytes: result.bytes,
    path,
    skipped: false,
  });
  return result;
}
