import { fileURLToPath } from 'node:url';
import { defineWorkspaceProject } from '../../tooling/vitest-project.js';

// The emulator depends on wiro-core, so wiro-core cannot list it as a package dependency (a
// cycle); its integration tests reach the emulator's source through this alias instead.
export default defineWorkspaceProject('wiro-core', {
  resolve: {
    alias: {
      'wiro-emulator': fileURLToPath(new URL('../wiro-emulator/src/index.ts', import.meta.url)),
    },
  },
});
