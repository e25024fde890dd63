/**
 * POSTs a finished task's detail to its `callbackUrl`. Best effort: failures are ignored, and the
 * request gives up after `timeoutMs` or when `signal` aborts (the emulator closing).
 */
export async function sendCallback(
  url: string,
  body: unknown,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    await response.arrayBuffer();
  } catch {
    // Best effort: the callback is only a hint; clients confirm with Task/Detail.
  }
}
