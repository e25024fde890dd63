import { createWiroClient, type WiroClient, type WiroEventHandler } from 'wiro-core';
import { startEmulator } from 'wiro-emulator';

/** Where panels are rendered. */
export interface RenderBackend {
  client: WiroClient;
  /** `wiro` for real art, `draft` for the embedded emulator's storyboard frames. */
  kind: 'wiro' | 'draft';
  close(): Promise<void>;
}

/** Options of {@link openBackend}. */
export interface BackendOptions {
  /** Use the embedded emulator even when credentials are set. */
  draft?: boolean | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  onEvent?: WiroEventHandler | undefined;
  /** How long each emulated task takes. @default 250 */
  draftTaskMs?: number | undefined;
}

/**
 * Real Wiro when `WIRO_API_KEY` is set (and `--draft` is not), otherwise the embedded emulator,
 * which draws free storyboard-style drafts.
 */
export async function openBackend(options: BackendOptions = {}): Promise<RenderBackend> {
  const env = options.env ?? process.env;
  if (!options.draft && env.WIRO_API_KEY?.trim()) {
    return {
      client: createWiroClient({ env, onEvent: options.onEvent }),
      kind: 'wiro',
      close: async () => {},
    };
  }
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
  return { client, kind: 'draft', close: () => emulator.close() };
}
