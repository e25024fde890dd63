import { afterEach, expect, it } from 'vitest';
import { startEmulator } from 'wiro-emulator';
import { createWiroClient, type WiroEvent } from '../src/index.js';
import { CHEAP_INPUTS, SEED_MODEL } from './_contract.js';

const SECRET = 'top-secret-value-8d1f3a';
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

it('never puts the secret, a nonce or a signature into errors or events', async () => {
  const emulator = await startEmulator({
    taskMs: 40,
    queueMs: 5,
    strictNonces: true,
    projects: [{ apiKey: 'secret-test-key', apiSecret: SECRET }],
    faults:
      'Task/Detail:http5xx:times=2,Run:dropAfterAccept:times=1,Run:taskFail:times=1,download:truncated:times=1',
  });
  close = () => emulator.close();
  const sentHeaders: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    for (const name of ['x-nonce', 'x-signature']) {
      const value = headers.get(name);
      if (value) sentHeaders.push(value);
    }
    return fetch(input, init);
  };
  const events: WiroEvent[] = [];
  const captured: string[] = [];
  const options = {
    apiKey: 'secret-test-key',
    apiSecret: SECRET,
    baseUrl: emulator.url,
    fetch: recordingFetch,
    retry: { baseDelayMs: 1 },
    onEvent: (event: WiroEvent) => events.push(event),
  };
  const wiro = createWiroClient(options);
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      captured.push(JSON.stringify(await work()));
    } catch (error) {
      captured.push(String(error), (error as Error).stack ?? '', JSON.stringify(error));
    }
  };
  await attempt(() => wiro.runTask(SEED_MODEL, CHEAP_INPUTS));
  await attempt(() =>
    wiro.generate(SEED_MODEL, CHEAP_INPUTS, { outputDir: '/tmp/wiro-secret-test' }),
  );
  await attempt(() =>
    wiro.generate(SEED_MODEL, CHEAP_INPUTS, { outputDir: '/tmp/wiro-secret-test' }),
  );
  await attempt(() =>
    createWiroClient({ ...options, apiSecret: 'wrong' }).getTask({ taskid: '1' }),
  );
  await attempt(() => wiro.getTask({ taskid: '424242' }));

  const haystack = [...captured, JSON.stringify(events), JSON.stringify(emulator.ledger())].join(
    '\n',
  );
  expect(sentHeaders.length).toBeGreaterThan(5);
  expect(haystack).not.toContain(SECRET);
  for (const value of sentHeaders) expect(haystack).not.toContain(value);
});
