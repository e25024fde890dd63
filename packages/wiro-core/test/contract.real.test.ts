/**
 * The client contract against the real Wiro API. Opt-in: runs only when WIRO_API_KEY is set
 * (with WIRO_API_SECRET for signature-mode projects), and spends a few cents of real balance.
 */
import { describe, it } from 'vitest';
import { defineClientContract } from './_contract.js';

const apiKey = process.env.WIRO_API_KEY?.trim();

if (apiKey) {
  defineClientContract('real Wiro API', async () => ({
    options: {
      apiKey,
      apiSecret: process.env.WIRO_API_SECRET?.trim() || undefined,
      baseUrl: process.env.WIRO_BASE_URL?.trim() || undefined,
    },
  }));
} else {
  describe('client contract: real Wiro API', () => {
    it.skip('runs only when WIRO_API_KEY is set', () => {});
  });
}
