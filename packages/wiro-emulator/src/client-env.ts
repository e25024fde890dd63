import type { Emulator } from './emulator.js';

/**
 * The environment variables that point a Wiro client (or the `render` command) at this emulator:
 * base URL, socket URL, key and, in signature mode, secret.
 *
 * @example
 * spawn('pnpm', ['render', 'story.yaml'], { env: { ...process.env, ...emulatorEnv(emulator) } });
 */
export function emulatorEnv(
  emulator: Pick<Emulator, 'url' | 'socketUrl' | 'apiKey' | 'apiSecret'>,
): Record<string, string> {
  return {
    WIRO_BASE_URL: emulator.url,
    WIRO_SOCKET_URL: emulator.socketUrl,
    WIRO_API_KEY: emulator.apiKey,
    ...(emulator.apiSecret ? { WIRO_API_SECRET: emulator.apiSecret } : {}),
  };
}
