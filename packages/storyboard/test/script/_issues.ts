import { type StoryIssue, safeParseStory } from '../../src/script/index.js';

/** The issues of a script that must be refused; throws when it is accepted. */
export function issuesOf(text: string, file = 'story.yaml'): StoryIssue[] {
  const result = safeParseStory(text, { file });
  if (result.ok) throw new Error('expected the script to be refused');
  return result.issues;
}

/** The messages of a script that must be refused. */
export function messagesOf(text: string, file?: string): string[] {
  return issuesOf(text, file).map((issue) => issue.message);
}
