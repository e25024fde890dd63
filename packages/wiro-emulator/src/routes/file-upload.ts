import { WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { toFilePath } from '../files.js';
import { errorReply, okReply, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';

const safeName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[^\w.-]+/g, '_').slice(0, 120) || 'upload.bin';

/** The reply to a body over the upload limit (chosen: HTTP 413, code 0). */
export function uploadTooLargeReply(limit: number): RouteReply {
  return errorReply(
    WiroErrorCode.General,
    `File is too large: the limit is ${Math.floor(limit / (1024 * 1024))} MB.`,
    413,
  );
}

/** `POST /File/Upload`, multipart field `file`: stores it and answers with its public URL. */
export async function handleFileUpload(
  state: EmulatorState,
  body: ParsedBody,
): Promise<RouteReply> {
  const file = body.files.file;
  if (!file) return errorReply(WiroErrorCode.General, 'file is required (multipart field "file").');
  if (file.size > state.options.maxUploadBytes)
    return uploadTooLargeReply(state.options.maxUploadBytes);
  const id = state.nextFileId();
  const name = safeName(file.name);
  const contentType = file.type || 'application/octet-stream';
  const bytes = Buffer.from(await file.arrayBuffer());
  state.files.put(`upload-${id}`, name, { bytes, contentType, expiresAt: undefined });
  return okReply({
    list: [
      {
        id,
        name,
        url: state.origin + toFilePath(`upload-${id}`, name),
        size: String(bytes.length),
        contenttype: contentType,
      },
    ],
  });
}
