/**
 * `__proto__` where the script names things by key: `characters`, `locations` and `speaker: text`
 * dialogue lines. zod leaves such a key out of its output without a word (a JavaScript object
 * cannot hold it as an ordinary key), so the parser reports it itself, as the invalid id it is.
 * Maps with fixed keys report it as an unknown key through the schema.
 */
import { type Problem, problemAtKey } from './problems.js';
import {
  asMap,
  hasKey,
  listRawDialogue,
  listRawPanels,
  type RawMap,
  type RawPath,
  read,
} from './raw.js';
import { explainBadId } from './schema-parts.js';

const PROTO = '__proto__';

/** Maps keyed by id, with their paths. */
function listIdMaps(data: RawMap): Array<{ map: RawMap; path: RawPath }> {
  const maps: Array<{ map: RawMap; path: RawPath }> = [];
  for (const section of ['characters', 'locations']) {
    const map = asMap(read(data, section));
    if (map !== undefined) maps.push({ map, path: [section] });
  }
  for (const { panel, path } of listRawPanels(data)) {
    if (panel === undefined) continue;
    for (const { line, path: linePath } of listRawDialogue(panel, path)) {
      if (!hasKey(line, 'speaker')) maps.push({ map: line, path: linePath });
    }
  }
  return maps;
}

/** One problem per `__proto__` key used as an id. */
export function checkProtoKeys(data: RawMap): Problem[] {
  return listIdMaps(data)
    .filter(({ map }) => hasKey(map, PROTO))
    .map(({ path }) => problemAtKey([...path, PROTO], explainBadId(PROTO) ?? ''));
}

/**
 * Drops the schema's follow-on problems of a `__proto__` key: the schema never saw the key, so it
 * may complain about the map that holds it (`a \`speaker: text\` line has exactly one speaker`).
 */
export function dropProtoFollowOns(schemaProblems: Problem[], protoProblems: Problem[]): Problem[] {
  const holders = new Set(protoProblems.map((p) => JSON.stringify(p.path.slice(0, -1))));
  return schemaProblems.filter((p) => !holders.has(JSON.stringify(p.path)));
}
