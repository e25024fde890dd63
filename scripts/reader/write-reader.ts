import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectIssue, type ReaderIssueInput } from './collect-issue.js';
import { renderIndexPage, renderIssuePage } from './templates.js';
import type { ReaderIssue } from './types.js';

/** The static files every reader page loads, copied to `<outDir>/assets/`. */
const ASSETS = ['reader.js', 'reader.css'] as const;
const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/** Options of {@link writeReader}. */
export interface WriteReaderOptions {
  /** The reader's root folder (the nightly output folder). Issue folders should be inside it. */
  outDir: string;
  /** In the order the index lists them. */
  issues: ReaderIssueInput[];
  /** When the reader is written, shown on the index. */
  generatedAt: Date;
  /** Heading of the index. @default 'comics-factory' */
  title?: string | undefined;
}

/** What {@link writeReader} wrote. */
export interface WriteReaderResult {
  /** `<outDir>/index.html`. */
  index: string;
  issues: ReaderIssue[];
}

/**
 * Writes the static web reader: `index.html` listing the issues, `<issue folder>/index.html`
 * viewers that show the page images where compose wrote them (no copies), and `assets/`. Plain
 * HTML, CSS and JS with no request outside the folder; every text from a script is escaped.
 */
export async function writeReader(options: WriteReaderOptions): Promise<WriteReaderResult> {
  await mkdir(join(options.outDir, 'assets'), { recursive: true });
  for (const asset of ASSETS) {
    await copyFile(join(ASSETS_DIR, asset), join(options.outDir, 'assets', asset));
  }
  const issues: ReaderIssue[] = [];
  for (const input of options.issues) {
    const issue = await collectIssue(input, options.outDir);
    await mkdir(input.issueDir, { recursive: true });
    await writeFile(join(input.issueDir, 'index.html'), renderIssuePage(issue));
    issues.push(issue);
  }
  const index = join(options.outDir, 'index.html');
  await writeFile(
    index,
    renderIndexPage({ title: options.title, generatedAt: options.generatedAt, issues }),
  );
  return { index, issues };
}
