import { describe, expectTypeOf, it } from 'vitest';
import {
  type DialogueLine,
  type Layout,
  type Panel,
  parseStory,
  type SafeParseStoryResult,
  type Story,
  type StoryIssue,
  type StoryValidationError,
  safeParseStory,
  slotCountOf,
} from '../../src/script/index.js';

describe('public API types', () => {
  it('parseStory returns a Story', () => {
    expectTypeOf(parseStory).parameters.toEqualTypeOf<[string, { file: string }]>();
    expectTypeOf(parseStory).returns.toEqualTypeOf<Story>();
  });

  it('safeParseStory returns a discriminated result', () => {
    expectTypeOf(safeParseStory).returns.toEqualTypeOf<SafeParseStoryResult>();
    expectTypeOf<Extract<SafeParseStoryResult, { ok: false }>['issues']>().toEqualTypeOf<
      StoryIssue[]
    >();
  });

  it('issues carry a position and a path', () => {
    expectTypeOf<StoryIssue>().toEqualTypeOf<{
      file: string;
      line: number;
      column: number;
      path: Array<string | number>;
      message: string;
    }>();
    expectTypeOf<StoryValidationError['issues']>().toEqualTypeOf<readonly StoryIssue[]>();
  });

  it('the normalised model is canonical', () => {
    expectTypeOf<Story['pages'][number]['panels'][number]>().toEqualTypeOf<Panel>();
    expectTypeOf<Panel['dialogue'][number]>().toEqualTypeOf<DialogueLine>();
    expectTypeOf<DialogueLine['kind']>().toEqualTypeOf<
      'speech' | 'thought' | 'whisper' | 'shout'
    >();
    expectTypeOf<Story['generation']['trigger']>().toEqualTypeOf<string | null>();
    expectTypeOf(slotCountOf).parameter(0).toEqualTypeOf<Layout>();
  });
});
