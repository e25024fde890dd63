import { readFile } from 'node:fs/promises';
import {
  locateLetteredText,
  parseStory,
  type Story,
  type StoryIssue,
  StoryValidationError,
} from 'storyboard';
import { LetteringProblemsError } from '../errors.js';
import { type LetteredSheet, letterIssue } from '../letter-issue.js';

/** Reads and validates a story; errors name file, line, column and field. */
export async function loadStory(storyPath: string): Promise<Story> {
  return parseStory(await readScript(storyPath), { file: storyPath });
}

/** A script's text; a file that cannot be read is an issue at its line 1. */
async function readScript(storyPath: string): Promise<string> {
  try {
    return await readFile(storyPath, 'utf8');
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
}

/** A script that passed every check, with its lettering laid out. */
export interface ValidatedIssue {
  story: Story;
  /** Every page image's lettering, for compose. */
  lettered: LetteredSheet[];
}

/**
 * The first step of the pipeline: parses the script and lays out its lettering, so text that
 * cannot fit or be set is refused before anything is spent. Throws `StoryValidationError` for
 * every problem, lettering ones included, each at its file, line and column.
 */
export async function validateIssue(storyPath: string): Promise<ValidatedIssue> {
  const source = await readScript(storyPath);
  const story = parseStory(source, { file: storyPath });
  try {
    return { story, lettered: letterIssue(story) };
  } catch (error) {
    if (!(error instanceof LetteringProblemsError)) throw error;
    throw new StoryValidationError(locateLetteringProblems(source, storyPath, error));
  }
}

/** Lettering problems as issues at the file, line and column of the text each is about. */
function locateLetteringProblems(
  source: string,
  file: string,
  error: LetteringProblemsError,
): StoryIssue[] {
  return locateLetteredText(
    source,
    file,
    error.problems.map(({ error: problem, item }) => ({
      place: { page: problem.page, panel: item.panelIndex, field: item.field, index: item.index },
      message: `cannot letter ${JSON.stringify(problem.text)}: ${problem.reason}`,
    })),
  );
}
