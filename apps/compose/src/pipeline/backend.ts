import { createWiroClient, type WiroClient, type WiroEventHandler } from 'wiro-core';
import { deferClient } from './defer-client.js';

/** `wiro` renders real art; `draft` draws free storyboard frames on the embedded emulator. */
export type BackendKind = 'wiro' | 'draft';

/** Where panels are rendered. */
export interface RenderBackend {
  client: WiroClient;
  kind: BackendKind;
  close(): Promise<void>;
}

/** Options of {@link openBackend}. */
export interface OpenBackendOptions {
  env: NodeJS.ProcessEnv;
  onEvent?: WiroEventHandler | undefined;
  /** How long each emulated task takes. @default 250 */
  draftTaskMs?: number | undefined;
}

/**
 * Which backend a run uses, decided once: real Wiro when `WIRO_API_KEY` is set and drafts were
 * not asked for, otherwise the embedded emulator.
 */
export function chooseBackend(options: {
  draft?: boolean | undefined;
  env: NodeJS.ProcessEnv;
}): BackendKind {
  return !options.draft && options.env.WIRO_API_KEY?.trim() ? 'wiro' : 'draft';
}

/**
 * Opens the backend `chooseBackend` picked: a client for real Wiro (credentials from `env`), or
 * one for an emulator on loopback that starts on the client's first request (a run whose panels
 * are all cached never loads it, nor sharp with it).
 */
export async function openBackend(
  kind: BackendKind,
  options: OpenBackendOptions,
): Promise<RenderBackend> {
  if (kind === 'wiro') {
    return {
      client: createWiroClient({ env: options.env, onEvent: options.onEvent }),
      kind,
      close: async () => {},
    };
  }
  let started: Promise<{ client: WiroClient; close(): Promise<void> }> | undefined;
  const start = () => {
    started ??= startDraftBackend(options);
    return started;
  };
  return {
    client: deferClient(async () => (await start()).client),
    kind,
    close: async () => {
      const backend = await started?.catch(() => undefined);
      await backend?.close();
    },
  };
}

/** The embedded emulator, started, with a client for it. */
async function startDraftBackend(options: OpenBackendOptions) {
  const { startEmulator } = await import('wiro-emulator');
  const emulator = await startEmulator({
    taskMs: options.draftTaskMs ?? 250,
    queueMs: 10,
    balance: 1000,
  });
  const client = createWiroClient({
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    baseUrl: emulator.url,
    env: {},
    onEvent: options.onEvent,
  });
  return { client, close: () => emulator.close() };
}
