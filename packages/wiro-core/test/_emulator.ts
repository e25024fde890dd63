import { type Emulator, type EmulatorOptions, startEmulator } from 'wiro-emulator';
import {
  createWiroClient,
  type WiroClient,
  type WiroClientOptions,
  type WiroEvent,
} from '../src/index.js';

/** An emulator with a client pointed at it, and every event the client emitted. */
export interface Harness {
  emulator: Emulator;
  client: WiroClient;
  events: WiroEvent[];
  options: WiroClientOptions;
  close(): Promise<void>;
}

export async function startHarness(
  emulatorOptions: EmulatorOptions = {},
  clientOptions: WiroClientOptions = {},
): Promise<Harness> {
  // Strict nonces: any nonce wiro-core sent twice would fail the test with a 401.
  const emulator = await startEmulator({
    taskMs: 60,
    queueMs: 10,
    strictNonces: true,
    ...emulatorOptions,
  });
  const events: WiroEvent[] = [];
  const options: WiroClientOptions = {
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    baseUrl: emulator.url,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    onEvent: (event) => events.push(event),
    ...clientOptions,
  };
  return {
    emulator,
    client: createWiroClient(options),
    events,
    options,
    close: () => emulator.close(),
  };
}
