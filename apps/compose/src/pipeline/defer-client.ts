import type { WiroClient } from 'wiro-core';

/** Every request a client makes: each is passed on to the client opened by the first. */
type Request = Exclude<keyof WiroClient, 'baseUrl'>;

const REQUESTS = {
  runTask: true,
  getTask: true,
  killTask: true,
  cancelTask: true,
  listTasks: true,
  findTasks: true,
  stopTask: true,
  waitForTask: true,
  downloadOutput: true,
  downloadTaskOutput: true,
  uploadFile: true,
  getModel: true,
  generate: true,
} satisfies Record<Request, true>;

/**
 * A client that gets the real one from `open` on its first request and passes every request on
 * to it. `baseUrl` is known only once a request has opened it.
 */
export function deferClient(open: () => Promise<WiroClient>): WiroClient {
  let opened: WiroClient | undefined;
  const client = async () => {
    opened ??= await open();
    return opened;
  };
  const forward =
    (name: Request) =>
    async (...args: unknown[]) => {
      const real = await client();
      return (real[name] as (...args: unknown[]) => unknown).apply(real, args);
    };
  const requests = Object.fromEntries(
    Object.keys(REQUESTS).map((name) => [name, forward(name as Request)]),
  ) as Omit<WiroClient, 'baseUrl'>;
  return {
    get baseUrl(): string {
      if (opened === undefined) throw new Error('The client is opened by its first request');
      return opened.baseUrl;
    },
    ...requests,
  };
}
