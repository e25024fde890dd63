import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from 'storyboard';

/** What the last nightly build of one issue left behind. */
export interface IssueState {
  /** {@link fingerprintIssue} of the build. */
  fingerprint: string;
  /** Output folder name (`<out>/<slug>`). */
  slug: string;
  /** Exit code of the build: only 0 lets the next night skip the issue. */
  exitCode: number;
  /** When the build finished (ISO 8601). */
  builtAt: string;
  /** USD spent on this issue by every nightly build so far. */
  spent: number;
}

/** The `nightly-state.json` file kept in the output folder between nights. */
export interface NightlyState {
  version: 1;
  /** By script path, relative to the folder nightly was run from, with `/` separators. */
  issues: Record<string, IssueState>;
}

/** File name of the state in the output folder. */
export const STATE_FILE = 'nightly-state.json';

/** File name of a shard's state: `nightly-state-2-of-4.json` (`suffix` from `shardSuffix`). */
export const stateFileName = (suffix: string) => `nightly-state${suffix}.json`;

/** Reads the state; a missing or unreadable file is an empty state (everything is rebuilt). */
export async function readState(path: string): Promise<NightlyState> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<NightlyState>;
    if (parsed.version === 1 && parsed.issues && typeof parsed.issues === 'object') {
      return { version: 1, issues: parsed.issues };
    }
  } catch {
    // Missing or corrupt: start over.
  }
  return { version: 1, issues: {} };
}

/** Writes the state atomically (a crash never leaves half a file). */
export async function writeState(path: string, state: NightlyState): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}
