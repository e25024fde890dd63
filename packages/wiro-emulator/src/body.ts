import type { IncomingMessage } from 'node:http';

/** A request body read into memory, or how much was skipped once it grew past the limit. */
export interface RawBody {
  bytes: Buffer;
  /** True when the body was larger than the limit (its bytes were then discarded). */
  tooLarge: boolean;
}

/** Reads a request body, keeping at most `limit` bytes (the rest is drained and dropped). */
export function readBody(req: IncomingMessage, limit: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

/** Wiro's documented reply to a body it cannot read. */
const INVALID_BODY = 'Request parameters are invalid.';

/** A parsed API body: plain fields (JSON values or form strings) and uploaded files. */
export interface ParsedBody {
  fields: Record<string, unknown>;
  files: Record<string, File>;
}

/** Outcome of {@link parseBody}. */
export type ParseBodyResult = { ok: true; body: ParsedBody } | { ok: false; message: string };

const isForm = (contentType: string) =>
  contentType.startsWith('multipart/form-data') ||
  contentType.startsWith('application/x-www-form-urlencoded');

/**
 * Parses a body as JSON (an object; empty means `{}`) or, for multipart and url-encoded forms, with
 * the Web `Request#formData()` that Node ships.
 */
export async function parseBody(contentType: string, bytes: Buffer): Promise<ParseBodyResult> {
  const type = contentType.toLowerCase();
  if (isForm(type)) {
    try {
      const form = await new Request('http://emulator.local/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: bytes,
      }).formData();
      const body: ParsedBody = { fields: {}, files: {} };
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') body.fields[key] = value;
        else body.files[key] = value;
      }
      return { ok: true, body };
    } catch {
      return { ok: false, message: INVALID_BODY };
    }
  }
  if (bytes.length === 0) return { ok: true, body: { fields: {}, files: {} } };
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, message: INVALID_BODY };
    }
    return { ok: true, body: { fields: value as Record<string, unknown>, files: {} } };
  } catch {
    return { ok: false, message: INVALID_BODY };
  }
}
