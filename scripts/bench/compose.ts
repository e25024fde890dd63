import { fileURLToPath } from 'node:url';
import { runTs } from '../../tooling/spawn-ts.js';
import { checkTarget, type Target } from './target.js';

const COMPOSE_BENCH = fileURLToPath(
  new URL('../../apps/compose/bench/compose-bench.ts', import.meta.url),
);

/** The compose benchmark's report and the targets it checks. */
export interface ComposeBenchOutcome {
  results: unknown;
  targets: Target[];
}

interface ComposeReport {
  results: Record<string, { wallSeconds: number; peakRssMB: number }>;
  ratios: { composeOverReference: number; montageOverCompose: number | null };
  scaling: { ratio: number } | null;
}

/**
 * Runs the compose benchmark (apps/compose/bench: its generated workload, our pipeline beside
 * a bare sharp + pdfkit reference and, when installed, ImageMagick montage + img2pdf) and reads
 * its JSON report.
 */
export async function runComposeBench(options: {
  quick: boolean;
  runs: number;
  log: (line: string) => void;
}): Promise<ComposeBenchOutcome> {
  const args = options.quick ? ['--quick'] : ['--runs', String(options.runs)];
  const { code, stdout } = await runTs(COMPOSE_BENCH, args, {
    cwd: fileURLToPath(new URL('../../apps/compose/', import.meta.url)),
    onStderrLine: (line) => options.log(line),
  });
  if (code !== 0) throw new Error(`compose benchmark exited ${code}`);
  const report = JSON.parse(stdout) as ComposeReport;
  const compose = report.results.compose!;
  const targets = [
    checkTarget('compose.overReference', report.ratios.composeOverReference, '<= 1.0'),
    checkTarget('compose.peakRssMB', compose.peakRssMB, '< 500'),
  ];
  if (report.ratios.montageOverCompose !== null) {
    targets.push(
      checkTarget('compose.fasterThanMontage', report.ratios.montageOverCompose, '>= 3'),
    );
  }
  if (report.scaling) {
    targets.push(checkTarget('compose.rss400Over40', report.scaling.ratio, '<= 1.3'));
  }
  return { results: report, targets };
}
