import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The shape of a JSON value: `"null"`, `"boolean"`, `"number"`, `"string:<format>"`, an array of
 * the distinct shapes of its elements, or an object of its keys' shapes. It holds no value.
 */
export type Shape = string | Shape[] | { [key: string]: Shape };

const DECIMAL = /^-?\d+\.(\d+)$/;

const STRING_FORMATS: ReadonlyArray<readonly [string, RegExp]> = [
  ['empty', /^$/],
  ['zero', /^0$/],
  ['int', /^-?\d+$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['hex32', /^[0-9a-f]{32}$/],
  ['url', /^https?:\/\/\S+$/],
  ['token', /^[A-Za-z0-9]{30}$/],
];

function jsonKind(text: string): string | undefined {
  const first = text.trimStart()[0];
  if (first !== '[' && first !== '{') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return 'json-array';
    return value && typeof value === 'object' ? 'json-object' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The format of a string, never its content: `empty`, `zero`, `int`, `decimal<N>` (N decimals),
 * `uuid`, `hex32`, `url`, `token` (30 letters and digits), `json-array`, `json-object` or `text`.
 *
 * @example
 * describeStringFormat('6.0000'); // 'decimal4'
 */
export function describeStringFormat(text: string): string {
  const decimal = DECIMAL.exec(text);
  if (decimal) return `decimal${decimal[1]?.length ?? 0}`;
  for (const [name, pattern] of STRING_FORMATS) if (pattern.test(text)) return name;
  return jsonKind(text) ?? 'text';
}

/**
 * Describes a JSON value by its keys and value types, recursively, with string formats (see
 * {@link describeStringFormat}); no value survives, so shapes are safe to share.
 *
 * @example
 * describeShape({ taskid: '2221', result: true }); // { taskid: 'string:int', result: 'boolean' }
 */
export function describeShape(value: unknown): Shape {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `string:${describeStringFormat(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return typeof value;
  if (Array.isArray(value)) {
    const distinct = new Map<string, Shape>();
    for (const item of value) {
      const shape = describeShape(item);
      distinct.set(JSON.stringify(shape), shape);
    }
    return [...distinct.values()];
  }
  if (typeof value === 'object') {
    const shape: Record<string, Shape> = {};
    for (const [key, item] of Object.entries(value)) shape[key] = describeShape(item);
    return shape;
  }
  return 'other';
}

/** One line of a transcript (see {@link createRecorder}). */
export interface RecordEntry {
  /** `POST /Task/Detail`, `socket` or `GET output`. */
  endpoint: string;
  attempt?: number | undefined;
  /** HTTP status; null when no reply arrived (and for socket frames). */
  status: number | null;
  /** Whether the reply said `result: true` without errors. */
  ok?: boolean | undefined;
  /** The Wiro error code of a failed reply. */
  errorCode?: number | undefined;
  /** A socket frame's `type` (a status name). */
  frameType?: string | undefined;
  /** A download's Content-Type. */
  contentType?: string | undefined;
  /** The error code of a request that got no reply, e.g. `ECONNRESET`. */
  error?: string | undefined;
  shape?: Shape | undefined;
}

/** Receives one transcript entry per request, reply, socket frame or download. */
export type Recorder = (entry: RecordEntry) => void;

const keepIf = (value: string | undefined, pattern: RegExp) =>
  value === undefined ? undefined : pattern.test(value) ? value : 'other';

/** Drops anything that is not one of the expected harmless spellings. */
function sanitize(entry: RecordEntry): RecordEntry {
  return {
    ...entry,
    errorCode: Number.isFinite(entry.errorCode) ? entry.errorCode : undefined,
    frameType: keepIf(entry.frameType, /^[a-z][a-z0-9_]{0,63}$/),
    contentType: keepIf(entry.contentType, /^[\w.+-]{1,64}\/[\w.+-]{1,64}$/),
    error: keepIf(entry.error, /^[A-Za-z0-9_]{1,40}$/),
  };
}

/**
 * A recorder that appends each entry as one JSON line to `path` (created with its folder if
 * needed), so a user with a Wiro key can hand back a transcript of what the real API answered.
 * Lines carry endpoints, statuses, error codes and shapes: never a key, secret, nonce, signature,
 * prompt or URL. Writing is synchronous so lines keep their order; a failed write is ignored.
 */
export function createRecorder(path: string, now: () => number = Date.now): Recorder {
  let ready = false;
  return (entry) => {
    try {
      if (!ready) {
        mkdirSync(dirname(path), { recursive: true });
        ready = true;
      }
      const line = { v: 1, at: new Date(now()).toISOString(), ...sanitize(entry) };
      appendFileSync(path, `${JSON.stringify(line)}\n`);
    } catch {
      // Recording is a diagnostic: it must never break a request.
    }
  };
}
