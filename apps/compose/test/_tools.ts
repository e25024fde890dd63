/** Command-line tools some tests check outputs with (poppler-utils, qpdf, ImageMagick). */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether `tool` runs here (`.ci/system-deps` installs the ones the tests use). */
export function hasTool(tool: string, versionFlag = '--version'): boolean {
  try {
    execFileSync(tool, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // poppler's tools print their version and exit 99 for -v.
    return (error as { status?: number }).status === 99;
  }
}

/** Runs `tool` and returns its exit code and output; never throws for a non-zero exit. */
export async function runTool(
  tool: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The rows of a tool's table output below its `----` rule, split on whitespace. */
export function tableRows(output: string): string[][] {
  const lines = output.split('\n');
  const rule = lines.findIndex((line) => /^-{5,}/.test(line));
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/));
}
