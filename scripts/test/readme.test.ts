import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

/** The shell blocks of the README's quick start, in order. */
async function quickStartCommands(): Promise<string[]> {
  const readme = await read('README.md');
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
}

describe('the README quick start contract', () => {
  it('has exactly two one-line commands: run, then test', async () => {
    const commands = await quickStartCommands();
    expect(commands).toHaveLength(2);
    for (const command of commands) expect(command.split('\n')).toHaveLength(1);
    expect(commands[1]).toMatch(/&& pnpm test$/);
  });

  it('installs the pnpm version package.json pins, with the frozen lockfile', async () => {
    const pkg = JSON.parse(await read('package.json'));
    const version = String(pkg.packageManager).replace(/^pnpm@/, '');
    for (const command of await quickStartCommands()) {
      expect(
        command.startsWith(`npm i -g pnpm@${version} && pnpm install --frozen-lockfile && `),
      ).toBe(true);
    }
  });

  it('runs scripts that exist, and CI runs the same test script', async () => {
    const pkg = JSON.parse(await read('package.json'));
    for (const command of await quickStartCommands()) {
      const script = /^pnpm ([\w-]+)/.exec(command.split('--frozen-lockfile && ')[1] ?? '')?.[1];
      expect(script && pkg.scripts[script], `script for: ${command}`).toBeTruthy();
    }
    const ci = await read('.ci/run');
    expect(ci).toMatch(/^pnpm test /m);
    expect(ci).toContain('packageManager');
    expect(ci).toContain('--frozen-lockfile');
  });
});

describe('the nightly section of scripts/README.md', () => {
  it('lists every nightly flag, and the default formats are every output format', async () => {
    const { FLAGS } = await import('../nightly/args.js');
    const { OUTPUT_FORMATS } = await import('compose/pipeline');
    const readme = await read('scripts/README.md');
    const rows = new Map(
      [...readme.matchAll(/^\| `--([\w-]+)`\s*\|[^|]*\|([^|]*)\|/gm)].map((m) => [m[1], m[2]]),
    );
    for (const flag of Object.keys(FLAGS).filter((f) => f !== 'help')) {
      expect(rows.has(flag), `--${flag}`).toBe(true);
    }
    expect(rows.get('format')).toContain(`\`${OUTPUT_FORMATS.join(',')}\``);
  });
});
