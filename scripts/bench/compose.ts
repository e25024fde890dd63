/** The compose benchmark lives with compose (apps/compose/bench); this runs it and reads its JSON. */
export interface ComposeBenchOutcome {
  results: unknown;
  targets: Array<{ name: string; target: string; value: number; ok: boolean }>;
}

export async function runComposeBench(options: {
  quick: boolean;
  runs: number;
  log: (line: string) => void;
}): Promise<ComposeBenchOutcome> {
  options.log('compose benchmark: not wired yet');
  return { results: { skipped: 'compose benchmark not available yet' }, targets: [] };
}
