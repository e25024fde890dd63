import { randomUUID } from 'node:crypto';
import type { WireOutput } from 'wiro-core';
import { renderDraftImage } from './draft-image.js';
import { toFilePath } from './files.js';
import type { EmulatorState } from './state.js';
import type { TaskRecord } from './task-record.js';

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/**
 * Draws one draft PNG per sample (`0.png`, `1.png`, …) and stores it under `/files/<taskid>/`.
 * The files stay unreachable-by-expiry until {@link publishOutputs} gives them an expiry time.
 */
export async function renderOutputs(state: EmulatorState, task: TaskRecord): Promise<WireOutput[]> {
  const {
    prompt = '',
    seed = '0',
    samples = '1',
    width = '1024',
    height = '1024',
  } = task.parameters;
  const outputs: WireOutput[] = [];
  for (let index = 0; index < Number(samples); index++) {
    const bytes = await renderDraftImage({
      prompt,
      seed,
      width: Number(width),
      height: Number(height),
      index,
    });
    const name = `${index}.png`;
    state.files.put(task.id, name, { bytes, contentType: 'image/png', expiresAt: 0 });
    const added = seconds(state.options.now());
    outputs.push({
      id: state.nextFileId(),
      name,
      contenttype: 'image/png',
      uuid: randomUUID(),
      size: String(bytes.length),
      addedtime: added,
      modifiedtime: added,
      url: state.origin + toFilePath(task.id, name),
      expiretime: '0',
    });
  }
  return outputs;
}

/** Starts a successful task's outputs' lifetime: they expire `outputTtlMs` after now. */
export function publishOutputs(
  state: EmulatorState,
  task: TaskRecord,
  outputs: WireOutput[],
): WireOutput[] {
  const expiresAt = state.options.now() + state.options.outputTtlMs;
  return outputs.map((output) => {
    const file = state.files.get(task.id, output.name);
    if (file) file.expiresAt = expiresAt;
    return { ...output, expiretime: seconds(expiresAt) };
  });
}
