import { fileURLToPath } from 'node:url';
import { spawnTs } from '../../tooling/spawn-ts.js';
import { checkTarget, type Target } from './target.js';

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
  targets: Target[];
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
      checkTarget('placement.busyAreaCoveredPercent', now.busyAreaCoveredPercent, '<= 3'),
      checkTarget('placement.overlaps', now.overlaps, '= 0'),
      checkTarget('placement.outsideSafeArea', now.outsideSafeArea, '= 0'),
    ],
  };
}
