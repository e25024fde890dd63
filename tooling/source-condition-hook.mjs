/**
 * A module resolution hook (`module.register`) that adds the source export condition, so
 * workspace packages resolve to `src/` as `node --conditions=comics-factory-source` would.
 */
import { SOURCE_CONDITION } from './build-stamp.mjs';

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, SOURCE_CONDITION],
  });
}
