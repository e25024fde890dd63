/**
 * Id uniqueness: page ids and panel ids (explicit or automatic) must be unique in the issue,
 * because they name output files and feed derived seeds. Duplicate keys inside one YAML map
 * (two characters with the same id) are reported by the YAML reader.
 */
import { type Problem, problemAt } from './problems.js';
import { asId, hasKey, listRawPages, listRawPanels, type RawMap } from './raw.js';

/** Ids no page or panel may take: the cover's files use it. */
const RESERVED_IDS: ReadonlySet<string> = new Set(['cover']);

/** Where an id is used, for messages. */
interface IdOwner {
  label: string;
  explicit: boolean;
}

/** Records an id; returns a problem when it is already taken. */
function claim(
  taken: Map<string, IdOwner>,
  id: string,
  owner: IdOwner,
  kind: string,
  path: Array<string | number>,
): Problem[] {
  if (RESERVED_IDS.has(id)) {
    return [problemAt(path, `\`${id}\` is reserved and cannot be used as a ${kind} id`)];
  }
  const previous = taken.get(id);
  if (previous === undefined) {
    taken.set(id, owner);
    return [];
  }
  const how = previous.explicit ? 'the id of' : 'the automatic id of';
  return [
    problemAt(path, `duplicate ${kind} id \`${id}\`: it is already ${how} ${previous.label}`),
  ];
}

/** Checks that page ids are unique, counting automatic ids `p<number>`. */
function checkPageIds(data: RawMap): Problem[] {
  const taken = new Map<string, IdOwner>();
  const pages = listRawPages(data);
  // Automatic ids first, so an explicit id that collides with a later page's automatic id is caught.
  for (const { page, index } of pages) {
    if (!hasKey(page, 'id'))
      taken.set(`p${index + 1}`, { label: `page ${index + 1}`, explicit: false });
  }
  return pages.flatMap(({ page, index }) => {
    const id = asId(page.id);
    if (id === undefined) return [];
    return claim(taken, id, { label: `page ${index + 1}`, explicit: true }, 'page', [
      'pages',
      index,
      'id',
    ]);
  });
}

/** The id a page has after defaults. */
function pageIdOf(page: RawMap | undefined, index: number): string {
  return asId(page?.id) ?? `p${index + 1}`;
}

/** Checks that panel ids are unique in the issue, counting automatic ids `<page>-<number>`. */
function checkPanelIds(data: RawMap): Problem[] {
  const taken = new Map<string, IdOwner>();
  const panels = listRawPanels(data);
  const labelOf = (pageIndex: number, panelIndex: number) =>
    `page ${pageIndex + 1}, panel ${panelIndex + 1}`;
  for (const { panel, page, pageIndex, panelIndex } of panels) {
    if (hasKey(panel, 'id')) continue;
    const id = `${pageIdOf(page, pageIndex)}-${panelIndex + 1}`;
    if (!taken.has(id)) taken.set(id, { label: labelOf(pageIndex, panelIndex), explicit: false });
  }
  return panels.flatMap(({ panel, path, pageIndex, panelIndex }) => {
    const id = asId(panel?.id);
    if (id === undefined) return [];
    return claim(taken, id, { label: labelOf(pageIndex, panelIndex), explicit: true }, 'panel', [
      ...path,
      'id',
    ]);
  });
}

/** Checks page and panel id uniqueness. */
export function checkIds(data: RawMap): Problem[] {
  return [...checkPageIds(data), ...checkPanelIds(data)];
}
