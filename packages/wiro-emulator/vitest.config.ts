import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'wiro-emulator',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
