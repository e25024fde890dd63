import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE_MAX, IMAGE_SIZE_MULTIPLE } from 'wiro-core';
import {
  COMICS_FACTORY_TRIGGER,
  expandPanels,
  geometryOptionsFor,
  layoutPage,
  NO_TEXT_INSTRUCTION,
} from '../../src/index.js';
import { loadStory } from './_story.js';

/** A reviewer-readable rendering of the jobs: what will be sent, panel by panel. */
function describeJobs(name: string): string {
  const jobs = expandPanels(loadStory(name));
  const lines = [`# Expansion of fixtures/valid/${name}: ${jobs.length} jobs`, ''];
  for (const job of jobs) {
    const { inputs } = job;
    lines.push(
      `## ${job.id} (page ${job.page}, slot ${job.slot})`,
      `size ${inputs.width}x${inputs.height}, seed ${inputs.seed}, steps ${inputs.steps}, scale ${inputs.scale}, samples ${inputs.samples}, variant ${job.variant}`,
      `model ${job.model}`,
      `key ${job.cacheKey}`,
      `prompt: ${inputs.prompt}`,
      '',
    );
  }
  return lines.join('\n');
}

describe('expandPanels', () => {
  it.each(['complete.yaml', 'minimal.yaml', 'unicode.yaml', 'rtl-custom-grid.yaml'])(
    'matches the golden expansion of %s',
    async (name) => {
      await expect(describeJobs(name)).toMatchFileSnapshot(
        `golden/${name.replace('.yaml', '')}.jobs.txt`,
      );
    },
  );

  it('is deterministic: the same script gives identical jobs', () => {
    expect(expandPanels(loadStory('complete.yaml'))).toEqual(
      expandPanels(loadStory('complete.yaml')),
    );
  });

  it('puts the trigger phrase first and asks for no text', () => {
    for (const job of expandPanels(loadStory('minimal.yaml'))) {
      expect(job.inputs.prompt.startsWith(COMICS_FACTORY_TRIGGER)).toBe(true);
      expect(job.inputs.prompt).toContain(NO_TEXT_INSTRUCTION);
    }
  });

  it('leaves the trigger out when the script opts out', () => {
    const jobs = expandPanels(loadStory('rtl-custom-grid.yaml'));
    expect(jobs.every((job) => !job.inputs.prompt.includes(COMICS_FACTORY_TRIGGER))).toBe(true);
  });

  it('sizes every image from its slot: multiples of 16, within limits, aspect within 3%', () => {
    for (const name of ['complete.yaml', 'minimal.yaml', 'unicode.yaml', 'rtl-custom-grid.yaml']) {
      const story = loadStory(name);
      const jobs = expandPanels(story);
      for (const page of story.pages) {
        const { slots } = layoutPage(geometryOptionsFor(story, page));
        for (const [index, panel] of page.panels.entries()) {
          const job = jobs.find((j) => j.id === panel.id)!;
          const { width, height } = job.inputs;
          expect(width % IMAGE_SIZE_MULTIPLE).toBe(0);
          expect(height % IMAGE_SIZE_MULTIPLE).toBe(0);
          expect(Math.max(width, height)).toBeLessThanOrEqual(
            Math.min(IMAGE_SIZE_MAX, story.generation.maxSide),
          );
          const slotAspect = slots[index]!.aspect;
          expect(Math.abs(Math.log(width / height / slotAspect))).toBeLessThan(0.03);
        }
      }
    }
  });
});

describe('cache keys', () => {
  const keys = (edit?: (t: string) => string) =>
    new Map(expandPanels(loadStory('complete.yaml', edit)).map((j) => [j.id, j.cacheKey]));

  it('do not change when only lettering changes', () => {
    const before = keys();
    const after = keys((t) =>
      t.replace('The harbor never sleeps. It only drowns.', 'A different caption.'),
    );
    expect(after).toEqual(before);
  });

  it('change for exactly the panel whose scene changed', () => {
    const before = keys();
    const after = keys((t) =>
      t.replace(
        'the harbor at night, fog rolling over the water',
        'the harbor at dawn, gulls over the water',
      ),
    );
    const changed = [...before].filter(([id, key]) => after.get(id) !== key).map(([id]) => id);
    expect(changed).toEqual(['arrival-1']);
  });

  it('change everywhere when a character description changes', () => {
    const before = keys();
    const after = keys((t) => t.replace('short silver hair', 'long black hair'));
    const changed = [...before].filter(([id, key]) => after.get(id) !== key);
    expect(changed.length).toBeGreaterThan(1);
  });
});

describe('seeds', () => {
  it('derives distinct seeds per panel, honours pinned seeds, and repeats the base seed in fixed mode', () => {
    const derived = expandPanels(loadStory('complete.yaml'));
    const cover = derived.find((j) => j.id === 'cover')!;
    expect(cover.inputs.seed).toBe(7);
    const panelSeeds = derived.filter((j) => j.id !== 'cover').map((j) => j.inputs.seed);
    expect(new Set(panelSeeds).size).toBeGreaterThan(panelSeeds.length - 2);

    const fixed = expandPanels(
      loadStory('complete.yaml', (t) => t.replace('seedMode: derived', 'seedMode: fixed')),
    );
    const unpinned = fixed.filter((j) => j.id !== 'cover' && j.inputs.seed !== 424242);
    expect(
      unpinned.every((j) => derived.find((d) => d.id === j.id)?.inputs.seed === j.inputs.seed),
    ).toBe(true);
    expect(fixed.filter((j) => j.inputs.seed === 424242).length).toBeGreaterThan(1);
  });
});
