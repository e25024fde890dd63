/**
 * Rules that span several fields: aliases given twice, a panel without a scene, a variant the
 * sample count cannot provide, a layout whose slot count differs from the panel count, page
 * sizes that do not add up.
 */
import { findGridProblems, slotCountOf } from './layouts.js';
import { convertLengthToMm } from './lengths.js';
import { normaliseLayout } from './normalise.js';
import { type Problem, problemAt, problemAtKey } from './problems.js';
import {
  asList,
  asMap,
  hasKey,
  listRawPages,
  listRawPanels,
  type RawMap,
  type RawPath,
  read,
} from './raw.js';
import { generationSchema, layoutSchema } from './schema.js';
import type { Layout } from './types.js';

/** Reports a map that uses both names of an aliased setting. */
function checkAlias(
  map: RawMap | undefined,
  name: string,
  alias: string,
  path: RawPath,
): Problem[] {
  if (!hasKey(map, name) || !hasKey(map, alias)) return [];
  return [problemAtKey([...path, alias], `use either \`${name}\` or \`${alias}\`, not both`)];
}

/** YAML 1.2 reads these as text, not as `false`. */
const FALSE_LOOKALIKES = new Set(['no', 'off', 'none', 'n']);

/** The generation block: aliases, trigger opt-out spelled in two contradicting ways. */
function checkGeneration(data: RawMap): Problem[] {
  const key = hasKey(data, 'generation') ? 'generation' : 'render';
  const block = asMap(read(data, key));
  const problems = [
    ...checkAlias(data, 'generation', 'render', []),
    ...checkAlias(block, 'negative', 'avoid', [key]),
  ];
  const trigger = read(block, 'trigger');
  const useTrigger = read(block, 'useTrigger');
  if (typeof trigger === 'string' && FALSE_LOOKALIKES.has(trigger.trim().toLowerCase())) {
    problems.push(
      problemAt(
        [key, 'trigger'],
        `\`${trigger}\` would be used as the trigger phrase; write \`trigger: false\` to leave the trigger out`,
      ),
    );
  }
  if (useTrigger === true && trigger === false) {
    problems.push(
      problemAtKey([key, 'useTrigger'], '`useTrigger: true` contradicts `trigger: false`'),
    );
  }
  return problems;
}

/** How many samples each panel gets, when the generation block is valid. */
function readSamples(data: RawMap): number | undefined {
  const block = read(data, 'generation') ?? read(data, 'render') ?? {};
  const parsed = generationSchema.safeParse(block);
  return parsed.success ? parsed.data.samples : undefined;
}

/** Scene-or-prompt, caption aliases and variant range for one panel or the cover. */
function checkArt(panel: RawMap, path: RawPath, samples: number | undefined): Problem[] {
  const problems = checkAlias(panel, 'caption', 'captions', path);
  if (!hasKey(panel, 'scene') && !hasKey(panel, 'prompt')) {
    const what = path[0] === 'cover' ? 'the cover' : 'a panel';
    problems.push(problemAt(path, `${what} needs a \`scene\` (or a raw \`prompt\`)`));
  }
  const variant = read(panel, 'variant');
  if (
    samples !== undefined &&
    typeof variant === 'number' &&
    Number.isInteger(variant) &&
    variant >= samples &&
    variant >= 0
  ) {
    problems.push(
      problemAt(
        [...path, 'variant'],
        `variant ${variant} needs at least ${variant + 1} samples, but \`samples\` is ${samples} (variants count from 0)`,
      ),
    );
  }
  return problems;
}

/**
 * The layout as far as spans and slot counts go. A grid whose only problems are row heights
 * (reported by the schema) is read with those heights set to 1: spans and slot counts do not
 * depend on them, so a bad height does not hide a bad span.
 */
function readLayoutShape(raw: unknown): Layout | undefined {
  const parsed = layoutSchema.safeParse(raw);
  if (parsed.success) return normaliseLayout(parsed.data);
  const grid = asMap(raw);
  const rows = asList(read(grid, 'rows'));
  if (grid === undefined || rows === undefined) return undefined;
  const level = (row: unknown) => {
    const map = asMap(row);
    return map !== undefined && hasKey(map, 'height') ? { ...map, height: 1 } : row;
  };
  const leveled = layoutSchema.safeParse({ ...grid, rows: rows.map(level) });
  return leveled.success ? normaliseLayout(leveled.data) : undefined;
}

/**
 * Layout validity (spans) and slot count against the page's panel count; no slot count for a
 * page whose panel list was cut to the limit.
 */
function checkLayout(page: RawMap, index: number, cut: boolean): Problem[] {
  if (!hasKey(page, 'layout')) return [];
  const panels = asList(read(page, 'panels'));
  const layout = readLayoutShape(page.layout);
  if (layout === undefined) return [];
  const path: RawPath = ['pages', index, 'layout'];
  if (typeof layout !== 'string') {
    const problems = findGridProblems(layout).map((p) =>
      problemAt([...path, ...p.path], p.message),
    );
    if (problems.length > 0) return problems;
  }
  const slots = slotCountOf(layout);
  if (cut || panels === undefined || panels.length === 0 || panels.length === slots) return [];
  const name = typeof layout === 'string' ? `layout \`${layout}\`` : 'this grid';
  return [
    problemAt(
      path,
      `${name} has ${slots} panel slot${slots === 1 ? '' : 's'} but the page has ${panels.length} panel${panels.length === 1 ? '' : 's'}`,
    ),
  ];
}

/** Page size: width and height together, not with a named size, within sane bounds. */
export function checkPageSettings(data: RawMap): Problem[] {
  const page = asMap(read(data, 'page'));
  if (page === undefined) return [];
  const problems: Problem[] = [];
  const hasWidth = hasKey(page, 'width');
  const hasHeight = hasKey(page, 'height');
  if (hasWidth !== hasHeight) {
    problems.push(problemAt(['page'], 'a custom page size needs both `width` and `height`'));
  }
  if (hasKey(page, 'size') && (hasWidth || hasHeight)) {
    problems.push(
      problemAtKey(['page', 'size'], 'use either `size` or `width`/`height`, not both'),
    );
  }
  for (const [key, min, max] of [
    ['width', 50, 1000],
    ['height', 50, 1000],
    ['bleed', 0, 25],
    ['safe', 0, 25],
  ] as const) {
    const mm = convertLengthToMm(read(page, key));
    if (mm !== undefined && (mm < min || mm > max)) {
      problems.push(problemAt(['page', key], `must be between ${min} and ${max} mm, got ${mm} mm`));
    }
  }
  return problems;
}

/** Checks every rule that spans several fields. */
export function checkConsistency(
  data: RawMap,
  cutPages: ReadonlySet<number> = new Set(),
): Problem[] {
  const samples = readSamples(data);
  const problems = [...checkGeneration(data), ...checkPageSettings(data)];
  for (const { panel, path } of listRawPanels(data, true)) {
    if (panel !== undefined) problems.push(...checkArt(panel, path, samples));
  }
  for (const { page, index } of listRawPages(data)) {
    problems.push(...checkLayout(page, index, cutPages.has(index)));
  }
  return problems;
}
