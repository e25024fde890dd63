import { parseStory, STORY_LIMITS } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { largestScript } from '../lib/largest-script.js';

describe('the largest script the limits allow (the parse benchmark’s workload)', () => {
  const text = largestScript();

  it('fills the size limit to within one byte per panel', () => {
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeLessThanOrEqual(STORY_LIMITS.maxBytes);
    expect(bytes).toBeGreaterThan(STORY_LIMITS.maxBytes - STORY_LIMITS.maxPanels);
  });

  it('is valid, with pages, panels, characters and locations at their limits', () => {
    const story = parseStory(text, { file: 'largest.yaml' });
    expect(story.pages).toHaveLength(STORY_LIMITS.maxPages);
    expect(story.pages.flatMap((page) => page.panels)).toHaveLength(STORY_LIMITS.maxPanels);
    expect(Object.keys(story.characters)).toHaveLength(STORY_LIMITS.maxCharacters);
    expect(Object.keys(story.locations)).toHaveLength(STORY_LIMITS.maxLocations);
  });
});
