import { describe, expect, it } from 'vitest';
import { createFaultInjector, FaultRuleError, parseFaultRules } from './faults.js';
import { createRandom } from './prng.js';

describe('parseFaultRules', () => {
  it('reads endpoint:kind[:probability][:key=value]', () => {
    expect(
      parseFaultRules(
        'Run:http5xx:0.1, Task/Detail:http429:0.05:retryAfter=2,Run:dropAfterAccept:times=1,download:slow:delayMs=50',
      ),
    ).toEqual([
      { endpoint: 'Run', kind: 'http5xx', probability: 0.1 },
      { endpoint: 'Task/Detail', kind: 'http429', probability: 0.05, retryAfterSeconds: 2 },
      { endpoint: 'Run', kind: 'dropAfterAccept', times: 1 },
      { endpoint: 'download', kind: 'slow', delayMs: 50 },
    ]);
  });

  it.each([
    ['Nope:http5xx', /Unknown fault endpoint/],
    ['Run:explode', /Unknown fault kind/],
    ['Task/Detail:taskFail', /not supported/],
    ['download:malformedJson', /not supported/],
    ['Run:http5xx:2', /probability/],
    ['Run:http5xx:abc', /not a number/],
    ['Run:http5xx:status=404', /status/],
    ['Run:http5xx:colour=1', /unknown option/],
  ])('rejects %s', (text, message) => {
    expect(() => parseFaultRules(text)).toThrow(FaultRuleError);
    expect(() => parseFaultRules(text)).toThrow(message);
  });
});

describe('createFaultInjector', () => {
  const any = () => true;

  it('applies a times-limited rule exactly that many times', () => {
    const faults = createFaultInjector(createRandom(1), [
      { endpoint: 'Run', kind: 'code0', times: 2 },
    ]);
    const picks = [1, 2, 3].map(() => faults.pick('Run', any)?.kind);
    expect(picks).toEqual(['code0', 'code0', undefined]);
    expect(faults.rules()).toEqual([]);
  });

  it('only matches its endpoint and the requested kinds', () => {
    const faults = createFaultInjector(createRandom(1), [{ endpoint: 'Run', kind: 'taskFail' }]);
    expect(faults.pick('Task/Detail', any)).toBeUndefined();
    expect(faults.pick('Run', (kind) => kind !== 'taskFail')).toBeUndefined();
    expect(faults.pick('Run', any)?.kind).toBe('taskFail');
  });

  it('draws chances from the seeded PRNG', () => {
    const sequence = (seed: number) => {
      const faults = createFaultInjector(createRandom(seed), parseFaultRules('Run:http5xx:0.3'));
      return Array.from({ length: 50 }, () => faults.pick('Run', any)?.status ?? 200);
    };
    expect(sequence(3)).toEqual(sequence(3));
    expect(sequence(3)).not.toEqual(sequence(4));
    const hits = sequence(3).filter((s) => s !== 200);
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.length).toBeLessThan(30);
    expect(new Set(hits).size).toBeGreaterThan(1);
  });
});
