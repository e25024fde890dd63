import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startCliHarness } from './_cli.js';

it('kills a command still running when the harness closes (as after a test that timed out)', async () => {
  const h = await startCliHarness();
  // A named pipe nobody writes: the command waits on it for as long as it lives.
  const story = join(h.dir, 'story.yaml');
  execFileSync('mkfifo', [story]);
  const running = h.run(['validate', story]);
  await h.close();
  expect(await running).toMatchObject({ code: null, signal: 'SIGKILL' });
});
