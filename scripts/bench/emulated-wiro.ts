import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWiroClient, type WiroClient } from 'wiro-core';
import { type Emulator, type EmulatorOptions, startEmulator } from 'wiro-emulator';

/** What one measurement runs against. */
export interface EmulatedWiro {
  emulator: Emulator;
  /** A client of the emulator. */
  client: WiroClient;
  /** A scratch folder for caches and outputs. */
  dir: string;
}

/**
 * Runs `measure` against a fresh emulator (no queue time, a balance that never runs out) and a
 * scratch folder named `<prefix>…`, and removes both afterwards.
 */
export async function withEmulatedWiro<T>(
  options: { prefix: string; emulator: EmulatorOptions; socket?: boolean },
  measure: (wiro: EmulatedWiro) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulator({ queueMs: 0, balance: 10_000, ...options.emulator });
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
