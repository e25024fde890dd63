import type { ServerResponse } from 'node:http';
import { delay } from '../delay.js';
import type { InjectedFault } from '../faults.js';
import { FILE_EXPIRED, findLiveFile } from '../files.js';
import { dropConnection, proxyErrorPage, sendBytes, storageErrorXml } from '../http-send.js';
import type { EmulatorState } from '../state.js';

const XML = { 'content-type': 'application/xml' };
const notFound = (res: ServerResponse, message: string) =>
  sendBytes(res, 404, storageErrorXml('NoSuchKey', message), XML);

/**
 * `GET /files/<folder>/<name>`: public, no auth. Serves the bytes with their Content-Type and
 * Content-Length; an expired output answers 404 with an XML body, as a storage CDN would. Returns
 * the status sent, or null when the connection was dropped.
 */
export async function serveDownload(
  state: EmulatorState,
  res: ServerResponse,
  pathname: string,
  fault: InjectedFault | undefined,
): Promise<number | null> {
  switch (fault?.kind) {
    case 'dropBeforeAccept':
      dropConnection(res);
      return null;
    case 'http5xx':
      sendBytes(res, fault.status, proxyErrorPage(fault.status), { 'content-type': 'text/html' });
      return fault.status;
    case 'http429':
      sendBytes(res, 429, storageErrorXml('SlowDown', 'Please reduce your request rate.'), {
        ...XML,
        'retry-after': String(fault.retryAfterSeconds),
      });
      return 429;
    case 'slow':
      await delay(state.scheduler, fault.delayMs);
      break;
    case 'expired':
      notFound(res, FILE_EXPIRED);
      return 404;
    default:
      break;
  }
  const found = findLiveFile(state.files, pathname, state.options.now());
  if ('missing' in found) {
    notFound(res, found.missing);
    return 404;
  }
  const { file } = found;
  const headers = {
    'content-type': file.contentType,
    'content-length': String(file.bytes.length),
    'cache-control': 'public, max-age=3600',
  };
  if (fault?.kind === 'truncated') {
    res.writeHead(200, headers);
    res.write(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)), () => dropConnection(res));
    return 200;
  }
  sendBytes(res, 200, file.bytes, headers);
  return 200;
}
