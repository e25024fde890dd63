import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWiroClient,
  WiroApiError,
  WiroAuthError,
  type WiroClient,
  type WiroClientOptions,
} from '../src/index.js';

/** Where the contract runs: credentials and base URL of a Wiro (real or emulated). */
export interface ContractTarget {
  options: WiroClientOptions;
  close?: () => Promise<void>;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Small, cheap inputs for the seed model. */
/** The model the contract runs on: the one comics-factory renders panels with. */
export const SEED_MODEL = 'Adel_AI/Comics-Factory-v1';
/** Its LoRA trigger phrase. */
const SEED_TRIGGER = 'ComicsFact1 style.';

export const CHEAP_INPUTS = {
  prompt: `${SEED_TRIGGER} A lighthouse on a cliff at dusk, wide shot. No text.`,
  samples: 1,
  steps: 4,
  scale: '3.5',
  seed: '93080474',
  width: 512,
  height: 512,
};

/**
 * The checks every Wiro must pass with this client. Runs against the emulator in CI and against
 * the real API when WIRO_API_KEY is set (see contract.real.test.ts).
 */
export function defineClientContract(name: string, setup: () => Promise<ContractTarget>) {
  describe(`client contract: ${name}`, () => {
    let target: ContractTarget;
    let wiro: WiroClient;
    let dir: string;

    beforeAll(async () => {
      target = await setup();
      wiro = createWiroClient(target.options);
      dir = await mkdtemp(join(tmpdir(), 'wiro-contract-'));
    });
    afterAll(async () => {
      await target?.close?.();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reads the model parameters and their ranges', async () => {
      const model = await wiro.getModel(SEED_MODEL);
      const ids = model.parameters.map((p) => p.id);
      expect(ids).toEqual(
        expect.arrayContaining(['prompt', 'steps', 'scale', 'seed', 'width', 'height']),
      );
      const steps = model.parameters.find((p) => p.id === 'steps');
      expect(steps?.max).toBeGreaterThanOrEqual(20);
    });

    it('generates a panel, downloads it, and can wait on it again from its saved id', async () => {
      const { run, task, files } = await wiro.generate(SEED_MODEL, CHEAP_INPUTS, {
        outputDir: dir,
        timeoutMs: 5 * 60_000,
      });
      expect(task.status).toBe('task_postprocess_end');
      expect(task.pexit).toBe('0');
      expect(task.totalCost).toBeGreaterThanOrEqual(0);
      expect(files).toHaveLength(1);
      expect(pngSize(await readFile(files[0]!.path))).toEqual({ width: 512, height: 512 });

      const again = await createWiroClient(target.options).waitForTask({ taskid: run.taskid });
      expect(again.id).toBe(task.id);
      expect(again.outputs.map((o) => o.url)).toEqual(task.outputs.map((o) => o.url));
    });

    it('answers a task id that does not exist with an API error', async () => {
      await expect(wiro.getTask({ taskid: '999999999999' })).rejects.toBeInstanceOf(WiroApiError);
    });

    it('rejects a wrong secret with an auth error that does not echo it', async () => {
      if (!target.options.apiSecret) return;
      const secret = 'definitely-wrong-secret-0123456789';
      const bad = createWiroClient({ ...target.options, apiSecret: secret });
      const error = await bad.getModel(SEED_MODEL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WiroAuthError);
      expect(String((error as Error).message)).not.toContain(secret);
    });
  });
}
