/**
 * The benchmark issue: `pages` US-comic pages at 300 dpi in the default 2 × 3 grid (the geometry
 * of bench/workload/layout.json), each panel with a caption and two balloons, panels taken
 * in order from the benchmark's `panel-%03d.png` files (reused cyclically past 240).
 */
import { join } from 'node:path';
import { parseStory, type Story } from 'storyboard';

const CAPTIONS = [
  'The harbor never sleeps.',
  'Later, across town.',
  'Meanwhile, at the docks...',
  'Three hours before dawn.',
  'The rain had not stopped for days.',
  'Nobody saw the boat come in.',
];
const LINES = [
  'Somebody is moving crates at this hour.',
  'Keep your voice down!',
  'You were not supposed to see this.',
  'I just want to talk, nothing more.',
  'Where did you find it?',
  'Run! They are right behind us!',
  'It is heavier than it looks.',
  'Trust me, just this once.',
];

/** YAML of the benchmark script. */
export function benchScriptYaml(pages: number): string {
  const out = [
    'title: Compose Benchmark',
    'writer: Bench Writer',
    'characters:',
    '  ana: { name: Ana, description: a woman in a coat, side: left }',
    '  ben: { name: Ben, description: a man in a cap, side: right }',
    'pages:',
  ];
  for (let p = 0; p < pages; p += 1) {
    out.push('  - layout: grid-2x3', '    panels:');
    for (let i = 0; i < 6; i += 1) {
      const n = p * 6 + i;
      out.push(
        `      - scene: benchmark panel ${n}`,
        `        caption: ${JSON.stringify(CAPTIONS[n % CAPTIONS.length])}`,
        '        dialogue:',
        `          - ana: ${JSON.stringify(LINES[n % LINES.length])}`,
        `          - ben: ${JSON.stringify(LINES[(n + 3) % LINES.length])}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The benchmark story and its panel map. Scripts stop at 200 pages, so longer issues (the
 * 400-page memory check) repeat a parsed 40-page script with new page numbers and panel ids.
 */
export function benchIssue(
  pages: number,
  panelDir: string,
  panelCount = 240,
): { story: Story; panels: Map<string, string> } {
  const unit = Math.min(pages, 40);
  const parsed = parseStory(benchScriptYaml(unit), { file: 'bench.yaml' });
  const story: Story = {
    ...parsed,
    pages: Array.from({ length: pages }, (_, index) => {
      const source = parsed.pages[index % unit] as Story['pages'][number];
      const id = `p${index + 1}`;
      return {
        ...source,
        id,
        number: index + 1,
        panels: source.panels.map((panel, slot) => ({
          ...panel,
          id: `${id}-${slot + 1}`,
          pageId: id,
          pageNumber: index + 1,
        })),
      };
    }),
  };
  const panels = new Map<string, string>();
  let n = 0;
  for (const page of story.pages) {
    for (const panel of page.panels) {
      panels.set(panel.id, panelPath(panelDir, n % panelCount));
      n += 1;
    }
  }
  return { story, panels };
}

/** Path of benchmark panel `n`. */
export function panelPath(dir: string, n: number): string {
  return join(dir, `panel-${String(n).padStart(3, '0')}.png`);
}
