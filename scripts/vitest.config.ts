import { defineWorkspaceProject } from '../tooling/vitest-project.js';

export default defineWorkspaceProject('scripts', {
  test: { include: ['test/**/*.test.ts', 'nightly/**/*.test.ts', 'reader/**/*.test.ts'] },
});
