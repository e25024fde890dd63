import { defineProject, type UserWorkspaceConfig } from 'vitest/config';
import { SOURCE_CONDITION } from './build-stamp.mjs';

/** Vite's default conditions for Node (tests run in its SSR environment), plus the source one. */
const CONDITIONS = [SOURCE_CONDITION, 'module', 'node', 'development|production'];

/**
 * The settings every package's vitest project shares (timeouts, no retries, workspace packages
 * resolved to their source so an edit is tested without a build), so each package config only
 * says what is its own.
 */
export function defineWorkspaceProject(name: string, config: UserWorkspaceConfig = {}) {
  return defineProject({
    ...config,
    ssr: { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions: CONDITIONS } },
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
