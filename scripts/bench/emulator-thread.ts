/**
 * Runs an emulator in a worker thread for the benchmarks: Wiro's servers are elsewhere, so the
 * emulator's own work (drawing drafts, enlarging pictures, answering requests) must not queue on
 * the event loop of the client being measured. Posts the emulator's addresses once it listens,
 * and closes it when told.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type EmulatorOptions, startEmulator } from 'wiro-emulator';

/** What the thread posts once the emulator listens. */
export interface EmulatorAddress {
  url: string;
  socketUrl: string;
  origin: string;
  apiKey: string;
  apiSecret: string | undefined;
}

const port = parentPort;
if (port === null) throw new Error('emulator-thread runs as a worker thread');
const emulator = await startEmulator(workerData as EmulatorOptions);
const address: EmulatorAddress = {
  url: emulator.url,
  socketUrl: emulator.socketUrl,
  origin: emulator.origin,
  apiKey: emulator.apiKey,
  apiSecret: emulator.apiSecret,
};
port.postMessage(address);
port.once('message', async () => {
  await emulator.close();
  port.close();
});
