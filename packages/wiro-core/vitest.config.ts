import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'wiro-core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
