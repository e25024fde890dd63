import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'storyboard',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
