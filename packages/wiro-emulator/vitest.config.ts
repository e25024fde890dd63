import { defineWorkspaceProject } from '../../tooling/vitest-project.js';

export default defineWorkspaceProject('wiro-emulator');
