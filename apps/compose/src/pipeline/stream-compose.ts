import type { PanelResult, Story } from 'storyboard';
import type { LetteredSheet } from '../letter-issue.js';
import type { OutputFormat } from '../options.js';
import { createPictureMailbox } from './picture-mailbox.js';
import type { ComposeStep } from './types.js';

/** A compose started before the render ends, fed each panel's picture as soon as it is final. */
export interface StreamedCompose {
  /** Hand to the render engine's `onPanel`. */
  onPanel(panel: PanelResult): void;
  /** The render is over: the remaining pictures (placeholders for failed panels) finish it. */
  finish(images: ReadonlyMap<string, string>): ReturnType<ComposeStep>;
  /** The render stopped (budget, Ctrl-C, account refusal): stop composing and wait for it. */
  cancel(): Promise<void>;
}

/**
 * Starts composing an issue whose panels are still rendering: each page is made as soon as its
 * own panels are final, so the run ends about one page's compose after the last task.
 */
export function streamCompose(
  story: Story,
  options: {
    outDir: string;
    formats: readonly OutputFormat[];
    lettered: readonly LetteredSheet[];
    compose: ComposeStep;
    signal?: AbortSignal | undefined;
  },
): StreamedCompose {
  const mailbox = createPictureMailbox();
  const stop = new AbortController();
  const forwardAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  const composing = options.compose(story, mailbox, {
    outDir: options.outDir,
    formats: options.formats,
    lettered: options.lettered,
    signal: stop.signal,
  });
  composing.catch(() => undefined);
  const done = () => options.signal?.removeEventListener('abort', forwardAbort);
  return {
    onPanel(panel) {
      if (panel.image && (panel.status === 'rendered' || panel.status === 'cached'))
        mailbox.deliver(panel.id, panel.image);
    },
    async finish(images) {
      for (const [id, path] of images) mailbox.deliver(id, path);
      mailbox.close(new Error('The render ended without this panel.'));
      try {
        return await composing;
      } finally {
        done();
      }
    },
    async cancel() {
      stop.abort(new Error('The render stopped.'));
      mailbox.close(new Error('The render stopped.'));
      await composing.catch(() => undefined);
      done();
    },
  };
}
