import { defineWorkspaceProject } from '../../tooling/vitest-project.js';

export default defineWorkspaceProject('storyboard');
