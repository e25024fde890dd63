import { rm } from 'node:fs/promises';
import { type PanelResult, RenderAbortError, type RenderResult, renderPanels } from 'storyboard';
import { WiroAuthError, WiroInsufficientBalanceError } from 'wiro-core';
import { type BackendKind, openBackend, type RenderBackend } from './backend.js';
import { plannedCostPerTask } from './estimate.js';
import { ExitCode } from './exit-codes.js';
import type { PanelPlan } from './plan-panels.js';
import type { IssueEvent, RenderIssueOptions } from './types.js';

/** How rendering the panels ended: a result, or an exit code that stops the pipeline. */
export type RenderStageOutcome =
  | { render: RenderResult }
  | { render: undefined; exitCode: ExitCode; message: string };

/**
 * Renders the planned panels on the backend (opened and closed here unless the caller shares
 * one). Ctrl-C and account-level refusals (auth, balance) end the pipeline with their exit code.
 */
export async function renderStage(
  plan: PanelPlan,
  kind: BackendKind,
  options: RenderIssueOptions & { env: NodeJS.ProcessEnv },
  emit: (event: IssueEvent) => void,
  onPanel?: (panel: PanelResult) => void,
): Promise<RenderStageOutcome> {
  const backend: RenderBackend = options.backend ?? (await openBackend(kind, { env: options.env }));
  if (!options.backend && kind === 'draft') {
    emit({
      type: 'note',
      message:
        'No WIRO_API_KEY set: rendering free drafts on the local emulator. Set WIRO_API_KEY (and WIRO_API_SECRET) to render real art on Wiro.',
    });
  }
  if (kind === 'draft') {
    // A new emulator reuses task ids, so a draft journal from an earlier process means nothing.
    await rm(plan.journalPath, { force: true });
  }
  const costEstimate = plannedCostPerTask(plan.panels.map((p) => p.job));
  try {
    const render = await renderPanels(
      plan.panels.map((p) => p.job),
      {
        client: backend.client,
        cacheDir: plan.cacheDir,
        cache: plan.cache,
        journalPath: plan.journalPath,
        concurrency: options.concurrency,
        maxCost: options.maxCost,
        costEstimate,
        pool: options.pool,
        only: plan.only,
        force: options.force,
        signal: options.signal,
        onEvent: emit,
        onPanel,
      },
    );
    return { render };
  } catch (error) {
    if (error instanceof RenderAbortError) {
      return { render: undefined, exitCode: ExitCode.Interrupted, message: error.message };
    }
    if (error instanceof WiroAuthError || error instanceof WiroInsufficientBalanceError) {
      return { render: undefined, exitCode: ExitCode.PanelsFailed, message: error.message };
    }
    throw error;
  } finally {
    if (!options.backend) await backend.close();
  }
}
