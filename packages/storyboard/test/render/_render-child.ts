/**
 * A render process for the crash tests: renders `count` jobs against the emulator named in the
 * RENDER_CHILD environment variable and prints every render event as a JSON line on stdout.
 */
import { createWiroClient } from 'wiro-core';
import { renderPanels } from '../../src/index.js';
import { makeJobs } from './_harness.js';

const config = JSON.parse(process.env.RENDER_CHILD ?? '{}') as {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  cacheDir: string;
  journalPath: string;
  count: number;
  concurrency: number;
};
const client = createWiroClient({
  apiKey: config.apiKey,
  apiSecret: config.apiSecret,
  baseUrl: config.baseUrl,
  retry: { baseDelayMs: 2, maxDelayMs: 10 },
});
const result = await renderPanels(makeJobs(config.count), {
  client,
  cacheDir: config.cacheDir,
  journalPath: config.journalPath,
  concurrency: config.concurrency,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write(`${JSON.stringify({ type: 'finished', totals: result.totals })}\n`);
