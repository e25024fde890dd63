import { fileURLToPath } from 'node:url';
import { spawnTs } from '../../tooling/spawn-ts.js';

const PLACEMENT_BENCH = fileURLToPath(
  new URL('../../apps/compose/bench/placement/placement-bench.ts', import.meta.url),
);

interface PlacementSide {
  panels: number;
  busyAreaCoveredPercent: number;
  overlaps: number;
  outsideSafeArea: number;
}

/** The placement benchmark's report and the targets it checks. */
export interface PlacementBenchOutcome {
  results: unknown;
  targets: Array<{ name: string; target: string; value: number; ok: boolean }>;
}

/**
 * Runs the lettering placement benchmark (apps/compose/bench/placement: an issue of 100+ panels
 * over emulator drafts with known busy regions, the old placement beside the new) and checks the
 * new one's targets: at most 3% of the busy area covered, no overlaps, nothing outside the safe
 * area.
 */
export async function runPlacementBench(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<PlacementBenchOutcome> {
  const child = spawnTs(PLACEMENT_BENCH, ['--pages', options.quick ? '12' : '30'], {
    cwd: fileURLToPath(new URL('../../apps/compose/', import.meta.url)),
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => options.log(String(chunk).trimEnd()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`placement benchmark exited ${code}`);
  const report = JSON.parse(stdout) as { old: PlacementSide; new: PlacementSide };
  const now = report.new;
  options.log(
    `placement over ${now.panels} panels: busy area covered ${report.old.busyAreaCoveredPercent}% before, ${now.busyAreaCoveredPercent}% now; overlaps ${report.old.overlaps} → ${now.overlaps}; outside the safe area ${report.old.outsideSafeArea} → ${now.outsideSafeArea}`,
  );
  return {
    results: report,
    targets: [
      {
        name: 'placement.busyAreaCoveredPercent',
        target: '<= 3',
        value: now.busyAreaCoveredPercent,
        ok: now.busyAreaCoveredPercent <= 3,
      },
      { name: 'placement.overlaps', target: '= 0', value: now.overlaps, ok: now.overlaps === 0 },
      {
        name: 'placement.outsideSafeArea',
        target: '= 0',
        value: now.outsideSafeArea,
        ok: now.outsideSafeArea === 0,
      },
    ],
  };
}
