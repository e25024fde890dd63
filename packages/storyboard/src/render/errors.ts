/** Base class of render failures that stop the whole render. */
export class RenderError extends Error {
  override name = 'RenderError';
}

/** The render was aborted (SIGINT): tasks were stopped on the server and the journal kept. */
export class RenderAbortError extends RenderError {
  override name = 'RenderAbortError';
}
