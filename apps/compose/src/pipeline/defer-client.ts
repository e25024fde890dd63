import type { WiroClient } from 'wiro-core';

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
  return {
    get baseUrl(): string {
      if (opened === undefined) throw new Error('The client is opened by its first request');
      return opened.baseUrl;
    },
    runTask: async (...args) => (await client()).runTask(...args),
    getTask: async (...args) => (await client()).getTask(...args),
    killTask: async (...args) => (await client()).killTask(...args),
    cancelTask: async (...args) => (await client()).cancelTask(...args),
    listTasks: async (...args) => (await client()).listTasks(...args),
    findTasks: async (...args) => (await client()).findTasks(...args),
    stopTask: async (...args) => (await client()).stopTask(...args),
    waitForTask: async (...args) => (await client()).waitForTask(...args),
    downloadOutput: async (...args) => (await client()).downloadOutput(...args),
    downloadTaskOutput: async (...args) => (await client()).downloadTaskOutput(...args),
    uploadFile: async (...args) => (await client()).uploadFile(...args),
    getModel: async (...args) => (await client()).getModel(...args),
    generate: async (...args) => (await client()).generate(...args),
  };
}
