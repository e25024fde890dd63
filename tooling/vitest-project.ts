import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The settings every package's vitest project shares (timeouts, no retries), so each package
 * config only says what is its own.
 */
export function defineWorkspaceProject(name: string, config: UserWorkspaceConfig = {}) {
  return defineProject({
    ...config,
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      retry: 0,
      ...config.test,
    },
  });
}
