import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A throwaway HTTP server on port 0 for one test. */
export interface TestServer {
  url: string;
  server: Server;
  /** Every request seen, in order. */
  requests: Array<{
    method: string;
    path: string;
    headers: IncomingMessage['headers'];
    body: string;
  }>;
  close(): Promise<void>;
}

export async function startTestServer(
  handler: (req: IncomingMessage, res: ServerResponse, index: number, body: string) => void,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = requests.length;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handler(req, res, index, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replies with JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Yields to the event loop until `condition` holds (setImmediate is never faked here). */
export async function until(condition: () => boolean, maxTurns = 10_000): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn >= maxTurns) throw new Error('condition never became true');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const TASK_DETAIL_OK = {
  result: true,
  errors: [],
  total: '1',
  tasklist: [
    {
      id: '7',
      uuid: 'u',
      socketaccesstoken: 'tok',
      parameters: {},
      debugoutput: '',
      debugerror: '',
      status: 'task_queue',
      pexit: '',
      cps: '0',
      totalcost: '0',
      elapsedseconds: '0',
      createtime: '1700000000',
      starttime: '',
      endtime: '',
      outputs: [],
    },
  ],
};
