import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // The emulator depends on wiro-core, so wiro-core cannot list it as a package dependency (a
  // cycle); its integration tests reach the emulator's source through this alias instead.
  resolve: {
    alias: {
      'wiro-emulator': fileURLToPath(new URL('../wiro-emulator/src/index.ts', import.meta.url)),
    },
  },
  test: {
    name: 'wiro-core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
