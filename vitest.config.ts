import { defineConfig } from 'vitest/config';

/** One configuration for every package: each folder with a package.json is a vitest project. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'scripts'],
    reporters: ['default', './tooling/vitest-summary-reporter.ts'],
  },
});
