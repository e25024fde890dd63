/**
 * Validation time, in process (`safeParseStory`, the wait before `render` starts anything): the
 * largest script the limits allow, and two hostile scripts of the same size that once took
 * minutes or would without the token limit: one map of 60,000 keys, and 1 MiB of one-letter list
 * items. Target: under 3 s each.
 */
import { STORY_LIMITS, safeParseStory } from 'storyboard';
import { largestScript } from '../lib/largest-script.js';
import { round, spread } from './stats.js';
import { checkTarget, type Target } from './target.js';

const CASES: ReadonlyArray<[name: string, make: () => string]> = [
  ['largest', largestScript],
  [
    'mapOf60000Keys',
    () =>
      `title: K\npages: [{ panels: [a] }]\n${Array.from({ length: 60_000 }, (_, i) => `k${i}: x\n`).join('')}`,
  ],
  [
    'oneMiBOfListItems',
    () => `title: F\npages: [{ panels: [${'a,'.repeat(STORY_LIMITS.maxBytes / 2 - 32)}] }]\n`,
  ],
];

/**
 * Times each case `runs` times (the largest script must be valid, the hostile ones refused),
 * adds one target per case to `targets` and returns the results by case.
 */
export function runParseBench(options: {
  runs: number;
  log: (line: string) => void;
  targets: Target[];
}): Record<string, unknown> {
  const { targets } = options;
  const results: Record<string, unknown> = {};
  for (const [name, make] of CASES) {
    const text = make();
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    let outcome = '';
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = safeParseStory(text, { file: `${name}.yaml` });
      const used = process.cpuUsage(cpu);
      seconds.push(round((performance.now() - started) / 1000));
      // CPU time too: on a shared machine the wall time also counts other processes' turns.
      cpuSeconds.push(round((used.user + used.system) / 1e6));
      outcome = result.ok ? 'valid' : `refused: ${result.issues[0]?.message}`;
    }
    if ((name === 'largest') !== (outcome === 'valid')) throw new Error(`${name}: ${outcome}`);
    const time = spread(seconds);
    const bytes = Buffer.byteLength(text);
    const cpu = spread(cpuSeconds);
    options.log(
      `validate ${name} (${bytes} bytes): median ${time.median} s (CPU ${cpu.median} s), ${outcome.slice(0, 80)}`,
    );
    results[name] = { bytes, outcome, seconds: time, cpuSeconds: cpu };
    targets.push(checkTarget(`parse.${name}.seconds`, time.median, '< 3'));
  }
  return results;
}
