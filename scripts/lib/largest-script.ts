import { STORY_LIMITS as L } from 'storyboard';

/** Panels per page in {@link largestScript}: pages and panels both at their limits. */
const PANELS_PER_PAGE = L.maxPanels / L.maxPages;

/** `length` characters of plain prose. */
function prose(length: number, seed: number): string {
  const words = ['rain', 'harbor', 'lamp', 'smoke', 'rope', 'gull', 'tide', 'coat', 'pier', 'fog'];
  let out = `Scene ${seed}:`;
  for (let i = 0; out.length < length; i++) out += ` ${words[(seed + i * 7) % words.length]}`;
  return out.slice(0, length);
}

/** The script for a given scene length; every other field is fixed. */
function buildScript(sceneLength: number): string {
  const lines = [
    'title: The Largest Issue',
    'series: Limits',
    'issue: 1',
    'date: 2025-01-01',
    `writer: [${Array.from({ length: L.maxCreditNames }, (_, i) => `Writer ${i}`).join(', ')}]`,
    `summary: ${JSON.stringify(prose(L.maxSummaryLength, 1))}`,
    'generation:',
    `  style: ${JSON.stringify(prose(L.maxStyleLength, 2))}`,
    `  negative: ${JSON.stringify(prose(L.maxStyleLength, 3))}`,
    'page: { size: us-comic, dpi: 300, bleed: 3mm }',
    'characters:',
  ];
  for (let i = 0; i < L.maxCharacters; i++) {
    lines.push(`  c${i}: { name: Character ${i}, description: ${JSON.stringify(prose(200, i))} }`);
  }
  lines.push('locations:');
  for (let i = 0; i < L.maxLocations; i++) lines.push(`  l${i}: ${JSON.stringify(prose(200, i))}`);
  lines.push(
    'cover: { scene: The whole cast on the pier, characters: [c0, c1, c2], title: true }',
    'pages:',
  );
  for (let page = 0; page < L.maxPages; page++) {
    lines.push(
      `  - location: l${page % L.maxLocations}`,
      '    layout: { rows: [2, 3, { height: 2, columns: [2, 1, 1] }, 2] }',
      '    panels:',
    );
    for (let n = 0; n < PANELS_PER_PAGE; n++) {
      const c = (page * PANELS_PER_PAGE + n) % L.maxCharacters;
      const d = (c + 1) % L.maxCharacters;
      lines.push(
        `      - shot: ${n % 2 === 0 ? 'close up' : 'wide'}`,
        `        scene: ${JSON.stringify(prose(sceneLength, page * PANELS_PER_PAGE + n))}`,
        `        characters: [c${c}, c${d}]`,
        '        mood: tense',
        '        caption: Later that night.',
        '        dialogue:',
        `          - c${c}: Did you hear that?`,
        `          - { speaker: c${d}, text: Only the sea., kind: whisper }`,
        '        sfx: [CREAK, { text: SPLASH, rotate: -15 }]',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The largest script the limits allow: as many pages and panels as allowed, 100 characters and
 * locations, every panel with characters, dialogue, a caption and sound effects, and scenes as
 * long as it takes to come within 2,000 bytes (one per panel) of the size limit. It validates.
 */
export function largestScript(): string {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const base = bytes(buildScript(0));
  // Each scene is written quoted, so a longer scene adds exactly its extra characters.
  const room = Math.floor((L.maxBytes - base) / L.maxPanels);
  return buildScript(Math.min(L.maxSceneLength, room));
}
