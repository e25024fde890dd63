import { readFile } from 'node:fs/promises';
import type { Story, StoryIssue } from 'storyboard';
// The script format alone: validating does not load the render engine.
import { locateLetteredText, parseStory, StoryValidationError } from 'storyboard/script';
import { LetteringProblemsError } from '../errors.js';
import type { LetteredSheet } from '../letter-issue.js';
import { defaultCacheDir } from './paths.js';

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

/** A parsed script whose lettering is laid out when first asked for, once. */
export interface ParsedIssue {
  story: Story;
  /**
   * Lays out every page image's lettering (the fonts load then), so text that cannot fit or be
   * set is refused: rejects with a `StoryValidationError` locating each problem in the script.
   */
  letter(): Promise<LetteredSheet[]>;
}

/** Options of {@link parseIssue} and {@link validateIssue}. */
export interface ValidateOptions {
  /**
   * The cache folder, where the fonts' measures are kept between runs so that lettering text
   * seen before opens no font. @default `<project>/.cache/comics-factory`
   */
  cacheDir?: string | undefined;
}

/**
 * Reads and parses a script, leaving its lettering for {@link ParsedIssue.letter}: a rebuild
 * with nothing to spend and nothing to compose never lays it out. Throws `StoryValidationError`.
 */
export async function parseIssue(
  storyPath: string,
  options: ValidateOptions = {},
): Promise<ParsedIssue> {
  const source = await readScript(storyPath);
  const story = parseStory(source, { file: storyPath });
  const cacheDir = options.cacheDir ?? defaultCacheDir(storyPath);
  let lettering: Promise<LetteredSheet[]> | undefined;
  return {
    story,
    letter: () => {
      lettering ??= letterScript({ story, source, storyPath, cacheDir });
      return lettering;
    },
  };
}

/**
 * The first step of the pipeline: parses the script and lays out its lettering, so text that
 * cannot fit or be set is refused before anything is spent. Throws `StoryValidationError` for
 * every problem, lettering ones included, each at its file, line and column.
 */
export async function validateIssue(
  storyPath: string,
  options: ValidateOptions = {},
): Promise<ValidatedIssue> {
  const { story, letter } = await parseIssue(storyPath, options);
  return { story, lettered: await letter() };
}

async function letterScript(script: {
  story: Story;
  source: string;
  storyPath: string;
  cacheDir: string;
}): Promise<LetteredSheet[]> {
  const [{ letterIssue }, { openMeasuredFontSet }] = await Promise.all([
    import('../letter-issue.js'),
    import('../fonts/measured-font-set.js'),
  ]);
  const { fonts, save } = openMeasuredFontSet(script.cacheDir);
  let lettered: LetteredSheet[];
  try {
    lettered = letterIssue(script.story, { fonts });
  } catch (error) {
    if (!(error instanceof LetteringProblemsError)) throw error;
    throw new StoryValidationError(locateLetteringProblems(script.source, script.storyPath, error));
  }
  // Only a script that passed leaves anything behind: a refused one writes nothing at all.
  await save();
  return lettered;
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
