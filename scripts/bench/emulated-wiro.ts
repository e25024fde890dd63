import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createWiroClient, type WiroClient } from 'wiro-core';
import { type EmulatorOptions, LEDGER_PATH, type LedgerSnapshot } from 'wiro-emulator';
import type { EmulatorAddress } from './emulator-thread.js';

/** An emulator running in its own thread, as the benchmarks see it. */
export interface ThreadedEmulator extends EmulatorAddress {
  /** The ledger, read over HTTP (`GET /__emulator/ledger`). */
  ledger(): Promise<LedgerSnapshot>;
  close(): Promise<void>;
}

/** What one measurement runs against. */
export interface EmulatedWiro {
  emulator: ThreadedEmulator;
  /** A client of the emulator. */
  client: WiroClient;
  /** A scratch folder for caches and outputs. */
  dir: string;
}

/**
 * Starts an emulator in a worker thread (see `emulator-thread.ts`): on its own event loop, as
 * Wiro's servers are on their own machines.
 */
export async function startThreadedEmulator(options: EmulatorOptions): Promise<ThreadedEmulator> {
  const worker = new Worker(new URL('./emulator-thread.mjs', import.meta.url), {
    workerData: options,
  });
  const [address] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([error]) => Promise.reject(error)),
  ])) as [EmulatorAddress];
  return {
    ...address,
    async ledger() {
      const response = await fetch(`${address.origin}${LEDGER_PATH}`);
      return (await response.json()) as LedgerSnapshot;
    },
    async close() {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}

/**
 * Runs `measure` against a fresh emulator in its own thread (no queue time, a balance that never
 * runs out) and a scratch folder named `<prefix>…`, and removes both afterwards.
 */
export async function withEmulatedWiro<T>(
  options: { prefix: string; emulator: EmulatorOptions; socket?: boolean },
  measure: (wiro: EmulatedWiro) => Promise<T>,
): Promise<T> {
  const emulator = await startThreadedEmulator({
    queueMs: 0,
    balance: 10_000,
    ...options.emulator,
  });
  const dir = await mkdtemp(join(tmpdir(), options.prefix));
  try {
    const client = createWiroClient({
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      baseUrl: emulator.url,
      socketUrl: options.socket === false ? false : undefined,
    });
    return await measure({ emulator, client, dir });
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}
