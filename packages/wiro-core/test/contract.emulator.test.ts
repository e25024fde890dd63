import { startEmulator } from 'wiro-emulator';
import { defineClientContract } from './_contract.js';

defineClientContract('emulator, signature auth', async () => {
  const emulator = await startEmulator({ taskMs: 60, queueMs: 10, strictNonces: true });
  return {
    options: { apiKey: emulator.apiKey, apiSecret: emulator.apiSecret, baseUrl: emulator.url },
    close: () => emulator.close(),
  };
});

defineClientContract('emulator, api-key-only auth', async () => {
  const emulator = await startEmulator({
    taskMs: 60,
    queueMs: 10,
    strictNonces: true,
    projects: [{ apiKey: 'key-only' }],
  });
  return { options: { apiKey: 'key-only', baseUrl: emulator.url }, close: () => emulator.close() };
});
