import { readFile } from 'node:fs/promises';
import { parseStory, type Story, StoryValidationError } from 'storyboard';
import { type LetteredSheet, letterIssue } from '../letter-issue.js';

/** Reads and validates a story; errors name file, line, column and field. */
export async function loadStory(storyPath: string): Promise<Story> {
  let text: string;
  try {
    text = await readFile(storyPath, 'utf8');
  } catch (error) {
    throw new StoryValidationError([
      {
        file: storyPath,
        line: 1,
        column: 1,
        path: [],
        message: `cannot read the script (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      },
    ]);
  }
  return parseStory(text, { file: storyPath });
}

/** A script that passed every check, with its lettering laid out. */
export interface ValidatedIssue {
  story: Story;
  /** Every page image's lettering, for compose. */
  lettered: LetteredSheet[];
}

/**
 * The first step of the pipeline: parses the script and lays out its lettering, so text that
 * cannot fit or be set is refused before anything is spent. Throws `StoryValidationError` or
 * compose's `LetteringError`.
 */
export async function validateIssue(storyPath: string): Promise<ValidatedIssue> {
  const story = await loadStory(storyPath);
  return { story, lettered: letterIssue(story) };
}
