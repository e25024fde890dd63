import { describe, expect, it } from 'vitest';
import { formatUsage, parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to port 8787 and the default project', () => {
    expect(parseCliArgs([], {})).toEqual({
      kind: 'run',
      json: false,
      options: { port: 8787, projects: [{ apiKey: 'emulator-key', apiSecret: 'emulator-secret' }] },
    });
  });

  it('reads flags, then environment variables', () => {
    const request = parseCliArgs(
      [
        '--port',
        '0',
        '--task-ms',
        '2000',
        '--faults',
        'Run:http5xx:0.1',
        '--seed',
        '7',
        '--no-secret',
        '--json',
      ],
      {
        WIRO_EMULATOR_TASK_MS: '5',
        WIRO_EMULATOR_BALANCE: '3',
        WIRO_EMULATOR_API_KEY: 'k',
        WIRO_EMULATOR_STRICT_NONCES: '1',
      },
    );
    expect(request).toEqual({
      kind: 'run',
      json: true,
      options: {
        port: 0,
        taskMs: 2000,
        seed: 7,
        balance: 3,
        faults: [{ endpoint: 'Run', kind: 'http5xx', probability: 0.1 }],
        projects: [{ apiKey: 'k' }],
        strictNonces: true,
      },
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a number/],
    [['--faults', 'Run:nope'], /--faults/],
    [['--bogus'], /bogus/],
  ])('reports usage errors for %j', (argv, message) => {
    const request = parseCliArgs(argv, {});
    expect(request.kind).toBe('usage-error');
    expect(request.kind === 'usage-error' && request.message).toMatch(message);
  });

  it('documents every flag with its environment variable', () => {
    expect(parseCliArgs(['--help'], {})).toEqual({ kind: 'help' });
    expect(formatUsage()).toContain('--task-ms <value>');
    expect(formatUsage()).toContain('WIRO_EMULATOR_FAULTS');
  });
});
