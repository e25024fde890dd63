/**
 * Holds the emulator to Wiro's published JSON examples and to transcripts recorded from the real
 * API (`WIRO_RECORD`), field by field: same keys, same value types, same number formats.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWiroClient,
  describeShape,
  type RecordEntry,
  type Shape,
  TASK_STATUSES,
  type WireSocketFrame,
} from 'wiro-core';
import WebSocket from 'ws';
import { COMICS_FACTORY_V1, type Emulator, SOCKET_GREETING, startEmulator } from '../src/index.js';
import { type CompareOptions, compareShapes } from './_shapes.js';
import { type Body, INPUTS, postJson, RUN_PATH, runTask } from './_signed-fetch.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const MODEL = `${COMICS_FACTORY_V1.owner}/${COMICS_FACTORY_V1.project}`;
const readExample = async (name: string): Promise<Body> =>
  JSON.parse(await readFile(new URL(`wiro-examples/${name}`, FIXTURES), 'utf8'));

/** The emulator's replies to everything the examples show. */
interface Replies {
  run: Body;
  detail: Body;
  kill: Body;
  cancel: Body;
  list: Body;
  greeting: WireSocketFrame;
  frames: Map<string, WireSocketFrame>;
}

/** Subscribes to a held, queued task, releases it and keeps the last frame of each type. */
async function followTask(wiro: Emulator, token: string) {
  const ws = new WebSocket(wiro.socketUrl);
  const received: WireSocketFrame[] = [];
  const done = new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WireSocketFrame;
      received.push(frame);
      if (received.length === 1) ws.send(JSON.stringify({ type: 'task_info', tasktoken: token }));
      if (received.length === 2) wiro.release();
      if (frame.type === 'task_postprocess_end') resolve();
    });
    ws.on('error', reject);
  });
  await done;
  ws.close();
  return received;
}

async function collectReplies(wiro: Emulator): Promise<Replies> {
  wiro.hold();
  const run = await postJson(wiro, RUN_PATH, INPUTS);
  const frames = await followTask(wiro, run.body.socketaccesstoken);
  const detail = await postJson(wiro, '/Task/Detail', { taskid: run.body.taskid });

  wiro.hold({ at: 'task_start' });
  const running = await runTask(wiro, { ...INPUTS, seed: '2' });
  await wiro.waitForStatus(running.taskid, 'task_start');
  const kill = await postJson(wiro, '/Task/Kill', { taskid: running.taskid });
  wiro.release();

  wiro.hold();
  const queued = await runTask(wiro, { ...INPUTS, seed: '3' });
  const cancel = await postJson(wiro, '/Task/Cancel', { taskid: queued.taskid });
  wiro.release();

  const list = await postJson(wiro, '/Task/List', {
    type: 'model',
    sort: 'id',
    order: 'DESC',
    start: '0',
    limit: '20',
    modelName: MODEL,
  });
  return {
    run: run.body,
    detail: detail.body,
    kill: kill.body,
    cancel: cancel.body,
    list: list.body,
    greeting: frames[0] as WireSocketFrame,
    frames: new Map(frames.slice(1).map((frame) => [frame.type, frame])),
  };
}

const EXACT: CompareOptions = { keys: 'exact' };
const LISTED: CompareOptions = { keys: 'exact', extraKeys: ['modelslugowner', 'modelslugproject'] };

/** Compares shapes and fails with every difference listed. */
function expectConforms(expected: unknown, actual: unknown, options: CompareOptions = EXACT) {
  expect(compareShapes(describeShape(expected), describeShape(actual), options)).toEqual([]);
}

let wiro: Emulator;
let replies: Replies;
beforeAll(async () => {
  wiro = await startEmulator({ taskMs: 40, queueMs: 1 });
  replies = await collectReplies(wiro);
});
afterAll(() => wiro.close());

describe("conformance with Wiro's published examples", () => {
  it('Run', async () => {
    expectConforms(await readExample('run.json'), replies.run);
    expect(Object.keys(replies.run)).toEqual(Object.keys(await readExample('run.json')));
  });

  it('Task/Detail: every field the example shows, in its formats', async () => {
    const example = await readExample('task-detail.json');
    expectConforms(example, replies.detail, { keys: 'subset' });
    expect(Object.keys(replies.detail)).toEqual(Object.keys(example));
  });

  it('Task/Detail: the full task of the Kill example, outputs included', async () => {
    const task = (await readExample('task-kill.json')).tasklist[0];
    expectConforms(task, replies.detail.tasklist[0]);
    expect(Object.keys(replies.detail.tasklist[0])).toEqual(Object.keys(task));
  });

  it.each([
    ['Task/Kill', 'task-kill.json', 'kill'],
    ['Task/Cancel', 'task-cancel.json', 'cancel'],
  ] as const)('%s answers in the Detail shape of its example', async (_name, file, reply) => {
    const example = await readExample(file);
    expectConforms(example, replies[reply]);
    expect(Object.keys(replies[reply])).toEqual(Object.keys(example));
    expect(replies[reply].tasklist[0]).toMatchObject({ status: 'task_cancel', pexit: '0' });
  });

  it('Task/List answers in the Detail shape, each task in full', async () => {
    const detail = await readExample('task-detail.json');
    const task = (await readExample('task-kill.json')).tasklist[0];
    expect(Object.keys(replies.list)).toEqual(Object.keys(detail));
    expect(replies.list.total).toBe('3');
    expect(replies.list.tasklist).toHaveLength(3);
    for (const listed of replies.list.tasklist) expectConforms(task, listed, LISTED);
  });

  it.each([
    ['socket-lifecycle.json', 'task_accept', EXACT],
    ['socket-progress.json', 'task_output', EXACT],
    ['socket-output-full.json', 'task_output_full', EXACT],
    ['socket-postprocess-end.json', 'task_postprocess_end', { keys: 'subset' } as CompareOptions],
  ] as const)('socket frames: %s', async (file, type, options) => {
    const frame = replies.frames.get(type);
    expect(frame).toBeDefined();
    expectConforms(await readExample(file), frame, options);
  });

  it('number formats: 4 decimals of seconds, 12 of dollars, "0" when nothing was charged', () => {
    const [task] = replies.detail.tasklist;
    expect(task.elapsedseconds).toMatch(/^\d+\.\d{4}$/);
    expect(task.cps).toMatch(/^\d+\.\d{12}$/);
    expect(task.totalcost).toMatch(/^\d+\.\d{12}$/);
    expect(replies.kill.tasklist[0].totalcost).toBe('0');
    expect(JSON.parse(task.categories)).toEqual(expect.arrayContaining(['tool']));
  });
});

type Counterpart = { reply: unknown; options: CompareOptions } | string | undefined;

const isStatus = (type: string | undefined) =>
  type !== undefined && (TASK_STATUSES as readonly string[]).includes(type);

/**
 * The emulator's counterpart of a transcript line: its reply, a problem when there can be none,
 * or undefined to skip the line (failed requests, endpoints without a published example, frame
 * types the emulator never sends).
 */
function counterpart(line: RecordEntry): Counterpart {
  if (line.endpoint === 'socket') {
    if (isStatus(line.frameType)) {
      const frame = replies.frames.get(line.frameType ?? '');
      return frame && { reply: frame, options: EXACT };
    }
    return line.frameType === SOCKET_GREETING.type
      ? { reply: SOCKET_GREETING, options: EXACT }
      : `a "${line.frameType}" frame, where the emulator greets with "${SOCKET_GREETING.type}"`;
  }
  if (line.ok !== true) return undefined;
  if (line.endpoint.startsWith('POST /Run/')) return { reply: replies.run, options: EXACT };
  const reply = {
    'POST /Task/Detail': replies.detail,
    'POST /Task/Kill': replies.kill,
    'POST /Task/Cancel': replies.cancel,
    'POST /Task/List': replies.list,
  }[line.endpoint];
  return reply && { reply, options: EXACT };
}

/** Every difference between a transcript and the emulator, one string per line and path. */
function checkTranscript(lines: readonly RecordEntry[]): string[] {
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (line.shape === undefined) return;
    const where = `line ${index + 1} (${[line.endpoint, line.frameType].filter(Boolean).join(' ')})`;
    const mine = counterpart(line);
    if (typeof mine === 'string') problems.push(`${where}: ${mine}`);
    if (!mine || typeof mine === 'string') return;
    for (const problem of compareShapes(line.shape, describeShape(mine.reply), mine.options)) {
      problems.push(`${where}: ${problem}`);
    }
  });
  return problems;
}

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordEntry);

describe('conformance with recorded transcripts', () => {
  it('accepts a transcript that wiro-core records against the emulator itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wiro-transcript-'));
    try {
      const path = join(dir, 'self.jsonl');
      const client = createWiroClient({
        apiKey: wiro.apiKey,
        apiSecret: wiro.apiSecret,
        baseUrl: wiro.url,
        record: path,
      });
      await client.generate(MODEL, { ...INPUTS, seed: '9' }, { outputDir: dir });
      await client.listTasks({ model: MODEL });
      const lines = parseLines(await readFile(path, 'utf8'));
      expect(lines.length).toBeGreaterThan(5);
      expect(checkTranscript(lines)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('catches a transcript that differs from the emulator', () => {
    const greeting: RecordEntry = {
      endpoint: 'socket',
      status: null,
      frameType: 'welcome',
      shape: { type: 'string:text' },
    };
    expect(checkTranscript([greeting])).toEqual([
      'line 1 (socket welcome): a "welcome" frame, where the emulator greets with "connected"',
    ]);
    const detail = describeShape(replies.detail) as Record<string, Shape>;
    const task = (detail.tasklist as Shape[])[0] as Record<string, Shape>;
    const drifted: RecordEntry = {
      endpoint: 'POST /Task/Detail',
      status: 200,
      ok: true,
      shape: {
        ...detail,
        tasklist: [{ ...task, elapsedseconds: 'string:decimal3', newfield: 'string:int' }],
      },
    };
    expect(checkTranscript([drifted])).toEqual([
      'line 1 (POST /Task/Detail): $.tasklist[0].elapsedseconds: "string:decimal4", expected "string:decimal3"',
      'line 1 (POST /Task/Detail): $.tasklist[0].newfield: missing',
    ]);
  });

  it('replays every transcript in test/fixtures/transcripts', async () => {
    const names = (await readdir(new URL('transcripts/', FIXTURES))).filter((name) =>
      name.endsWith('.jsonl'),
    );
    const problems: string[] = [];
    for (const name of names) {
      const text = await readFile(new URL(`transcripts/${name}`, FIXTURES), 'utf8');
      problems.push(...checkTranscript(parseLines(text)).map((problem) => `${name} ${problem}`));
    }
    expect(problems).toEqual([]);
  });
});
