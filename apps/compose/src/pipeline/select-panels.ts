import type { PanelJob, Story } from 'storyboard';

/** An `--only` selector that matched nothing. */
export class SelectorError extends Error {
  override name = 'SelectorError';
}

/**
 * Turns `--only` selectors into panel ids: page numbers (`3`), ranges (`2-4`), page ids
 * (`arrival`), panel ids (`arrival-2`) and `cover`, comma-separated.
 */
export function selectPanels(story: Story, jobs: PanelJob[], selectors: string[]): Set<string> {
  const selected = new Set<string>();
  const panelIds = new Set(jobs.map((job) => job.id));
  for (const raw of selectors
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(raw);
    const pages = range
      ? story.pages.filter(
          (p) => p.number >= Number(range[1]) && p.number <= Number(range[2] ?? range[1]),
        )
      : story.pages.filter((p) => p.id === raw);
    if (pages.length > 0) {
      for (const page of pages) for (const panel of page.panels) selected.add(panel.id);
    } else if (panelIds.has(raw)) {
      selected.add(raw);
    } else {
      throw new SelectorError(
        `--only ${raw}: no page number, page id or panel id matches (pages 1–${story.pages.length})`,
      );
    }
  }
  return selected;
}
