import type { ServerResponse } from 'node:http';

/** Sends a complete response with an exact Content-Length. */
export function sendBytes(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** Sends JSON; `truncate` cuts the text in half to emulate a malformed reply. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  truncate = false,
): void {
  const text = JSON.stringify(body);
  const sent = truncate ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text;
  sendBytes(res, status, sent, { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** Drops the connection without a reply (the client sees a reset or "socket hang up"). */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Resets the connection (TCP RST) without a reply and without reading the request body. */
export function resetConnection(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The HTML page a proxy in front of the API sends for a 5xx. */
export function proxyErrorPage(status: number): string {
  const reason = REASONS[status] ?? 'Server Error';
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** The XML error body a storage CDN sends (S3 style). */
export function storageErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
}
