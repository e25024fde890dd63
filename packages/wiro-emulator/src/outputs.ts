import { randomBytes } from 'node:crypto';
import type { WireOutput } from 'wiro-core';
import { renderDraftImage } from './draft-image.js';
import { toFilePath } from './files.js';
import { createToken } from './ids.js';
import type { EmulatorState } from './state.js';
import type { TaskRecord } from './task-record.js';
import { renderUpscaledImage } from './upscale-image.js';

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/**
 * Stores one output PNG under `/files/<taskid>/<name>` and describes it with the fields of Wiro's
 * published Kill/Cancel example, in its order; `expiretime` is `null` there, so the URL's lifetime
 * is not announced here either.
 */
function storeOutput(
  state: EmulatorState,
  task: TaskRecord,
  name: string,
  bytes: Buffer,
): WireOutput {
  state.files.put(task.id, name, { bytes, contentType: 'image/png', expiresAt: 0 });
  const added = seconds(state.options.now());
  return {
    id: randomBytes(16).toString('hex'),
    name,
    contenttype: 'image/png',
    parentid: task.folderId,
    uuid: task.uuid,
    size: String(bytes.length),
    addedtime: added,
    modifiedtime: added,
    accesskey: createToken(30),
    foldercount: '0',
    filecount: '0',
    ispublic: 0,
    expiretime: null,
    url: state.origin + toFilePath(task.id, name),
  };
}

/**
 * Makes a task's outputs: the upscaled picture (`0.png`) for an upscale task, else one draft PNG
 * per sample (`0.png`, `1.png`, …). The files stay unreachable-by-expiry until
 * {@link publishOutputs} gives them an expiry time.
 */
export async function renderOutputs(state: EmulatorState, task: TaskRecord): Promise<WireOutput[]> {
  if (task.source) {
    return [storeOutput(state, task, '0.png', await renderUpscaledImage(task.source))];
  }
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
      trigger: task.definition.trigger,
    });
    outputs.push(storeOutput(state, task, `${index}.png`, bytes));
  }
  return outputs;
}

/** Starts a successful task's outputs' lifetime: their URLs stop working `outputTtlMs` after now. */
export function publishOutputs(
  state: EmulatorState,
  task: TaskRecord,
  outputs: WireOutput[],
): WireOutput[] {
  const expiresAt = state.options.now() + state.options.outputTtlMs;
  for (const output of outputs) {
    const file = state.files.get(task.id, output.name);
    if (file) file.expiresAt = expiresAt;
  }
  return outputs;
}
