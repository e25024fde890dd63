import { relative } from 'node:path';
import type { PlannedPanel, RenderIssueResult } from '../pipeline/index.js';

const money = (usd: number) => `$${usd.toFixed(usd < 1 ? 4 : 2)}`;

/** The table printed when a render ends: counts, cost, time and where the outputs are. */
export function formatSummary(result: RenderIssueResult, cwd: string, seconds: number): string {
  const story = result.story;
  const totals = result.render?.totals;
  const title = story
    ? `${story.title}${story.series ? ` (${story.series} #${story.issue})` : ` #${story.issue}`}`
    : '';
  const lines = [`comics-factory · ${title}${result.backend === 'draft' ? ' · drafts' : ''}`];
  if (totals) {
    lines.push(
      `  panels    ${totals.panels}   rendered ${totals.rendered}   cached ${totals.cached}   failed ${totals.failed}   skipped ${totals.skipped}`,
      `  cost      ${money(totals.cost)}${totals.uncertainRuns ? `   (${totals.uncertainRuns} Runs Wiro could not confirm: those may have been billed twice)` : ''}`,
      ...(totals.adoptedTasks || totals.urlRefreshes
        ? [
            `  recovered ${totals.adoptedTasks} task(s) found on Wiro instead of paid again, ${totals.urlRefreshes} expired URL(s) refreshed`,
          ]
        : []),
    );
  }
  lines.push(`  time      ${seconds.toFixed(1)} s`);
  const files = [
    ...result.outputs.map((o) => o.path),
    ...(result.manifestPath ? [result.manifestPath] : []),
  ];
  for (const [i, file] of files.entries()) {
    lines.push(`${i === 0 ? '  outputs   ' : '            '}${relative(cwd, file) || file}`);
  }
  if (result.belowTarget.length > 0) {
    const listed = result.belowTarget
      .slice(0, 12)
      .map((low) => `${low.panel} ${low.ppi}`)
      .join(', ');
    const more =
      result.belowTarget.length > 12 ? `, and ${result.belowTarget.length - 12} more` : '';
    lines.push(
      `  low ppi   ${result.belowTarget.length} panel(s) print below ${result.belowTarget[0]?.target} ppi: ${listed}${more}`,
    );
  }
  for (const warning of result.warnings) lines.push(`  warning   ${warning}`);
  return lines.join('\n');
}

/** Length of the leading words every prompt shares (trigger and style), to show what differs. */
function sharedPrefixLength(prompts: string[]): number {
  if (prompts.length < 2) return 0;
  let n = 0;
  const first = prompts[0]!;
  while (n < first.length && prompts.every((p) => p[n] === first[n])) n++;
  const space = first.lastIndexOf(' ', n);
  return space > 0 ? space + 1 : 0;
}

/** The `plan` listing: one line per panel, then totals and the estimated cost. */
export function formatPlan(plan: PlannedPanel[], verbose: boolean): string {
  const lines = [
    'panel                page  size        seed        ppi          cache  est.     prompt',
  ];
  const shared = verbose ? 0 : sharedPrefixLength(plan.map((p) => p.job.inputs.prompt));
  let toRender = 0;
  let estimate = 0;
  for (const { job, cached, selected, estimatedCost, ppi } of plan) {
    const render = selected && !cached;
    if (render) {
      toRender++;
      estimate += estimatedCost;
    }
    const text = job.inputs.prompt.slice(shared);
    const prompt = verbose
      ? text
      : `${shared ? '…' : ''}${text.slice(0, 60)}${text.length > 60 ? '…' : ''}`;
    lines.push(
      [
        job.id.padEnd(20),
        String(job.page).padStart(4),
        ` ${job.inputs.width}x${job.inputs.height}`.padEnd(12),
        String(job.inputs.seed).padEnd(11),
        (job.upscale
          ? `${ppi.source}→${ppi.final} ×${job.upscale.outscale}`
          : `${ppi.final}${ppi.final < ppi.target ? '!' : ''}`
        ).padEnd(12),
        (cached ? 'hit' : render ? 'miss' : 'skip').padEnd(6),
        (render ? money(estimatedCost) : '-').padEnd(8),
        prompt,
      ].join(' '),
    );
  }
  const cached = plan.filter((p) => p.cached).length;
  const upscales = plan.filter((p) => p.job.upscale !== undefined).length;
  const low = plan.filter((p) => p.ppi.final < p.ppi.target).length;
  lines.push(
    '',
    `${plan.length} panels: ${cached} cached, ${toRender} to render, estimated ${money(estimate)} (rough; Wiro bills by GPU time)`,
    `${upscales} panel(s) enlarged on Wiro to reach ${plan[0]?.ppi.target ?? 300} ppi${low > 0 ? `; ${low} still below it (marked !)` : ''}`,
  );
  return lines.join('\n');
}
