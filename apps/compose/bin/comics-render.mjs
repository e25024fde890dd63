#!/usr/bin/env node
// The `render` command (`comics-render`, `pnpm render`): the compiled CLI when the build is
// current, else the source through tsx with a one-line notice (see tooling/run-built-or-source.mjs).
import { fileURLToPath } from 'node:url';
import { runBuiltOrSource } from '../../../tooling/run-built-or-source.mjs';

await runBuiltOrSource({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  built: 'dist/bundle/render.js',
  source: 'src/cli/main.ts',
  name: 'render',
});
