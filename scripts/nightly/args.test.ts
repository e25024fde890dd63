import { describe, expect, it } from 'vitest';
import { parseNightlyArgs, UsageError, usage } from './args.js';

describe('parseNightlyArgs', () => {
  it('has defaults', () => {
    expect(parseNightlyArgs([], {})).toMatchObject({
      issues: 'issues/*/story.yaml',
      out: 'out/nightly',
      concurrency: undefined,
      maxCost: undefined,
      draft: false,
      json: false,
    });
  });

  it('reads --shard i/n and --merge, and refuses a bad shard or both at once', () => {
    expect(parseNightlyArgs(['--shard', '2/3'], {})).toMatchObject({
      shard: { index: 2, count: 3 },
      merge: false,
    });
    expect(parseNightlyArgs([], { NIGHTLY_SHARD: '1/2' }).shard).toEqual({ index: 1, count: 2 });
    expect(parseNightlyArgs(['--merge'], {})).toMatchObject({ shard: undefined, merge: true });
    expect(() => parseNightlyArgs(['--shard', '3/2'], {})).toThrow(UsageError);
    expect(() => parseNightlyArgs(['--shard', '1/2', '--merge'], {})).toThrow(UsageError);
  });

  it('takes flags over environment variables', () => {
    const env = {
      NIGHTLY_ISSUES: 'env/*/story.yaml',
      NIGHTLY_MAX_COST: '3',
      NIGHTLY_DRAFT: 'true',
    };
    expect(parseNightlyArgs([], env)).toMatchObject({
      issues: 'env/*/story.yaml',
      maxCost: 3,
      draft: true,
    });
    expect(parseNightlyArgs(['--issues', 'flag/*.yaml', '--max-cost', '1.5'], env)).toMatchObject({
      issues: 'flag/*.yaml',
      maxCost: 1.5,
    });
  });

  it('treats an empty variable as unset (a missing CI variable)', () => {
    expect(parseNightlyArgs([], { NIGHTLY_MAX_COST: '', NIGHTLY_OUT: ' ' })).toMatchObject({
      maxCost: undefined,
      out: 'out/nightly',
    });
  });

  it.each([
    [['--concurrency', '1.5']],
    [['--max-cost', '-1']],
    [['--format', 'gif']],
    [['--unknown']],
    [['story.yaml']],
  ])('rejects %j', (argv) => {
    expect(() => parseNightlyArgs(argv, {})).toThrow(UsageError);
  });

  it('documents every environment variable', () => {
    for (const name of [
      'NIGHTLY_ISSUES',
      'NIGHTLY_OUT',
      'NIGHTLY_CONCURRENCY',
      'NIGHTLY_MAX_COST',
      'NIGHTLY_DRAFT',
      'NIGHTLY_JSON',
    ]) {
      expect(usage()).toContain(`[${name}]`);
    }
  });
});
