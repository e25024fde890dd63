/** A synthetic script of `panels` panels on 2×3 pages, for chaos runs and benchmarks. */
export function syntheticStory(panels: number, title = 'Chaos Run'): string {
  const pages: string[] = [];
  for (let start = 0; start < panels; start += 6) {
    const count = Math.min(6, panels - start);
    const layout =
      count === 6
        ? 'grid-2x3'
        : count === 4
          ? 'grid-2x2'
          : count === 1
            ? 'splash'
            : count === 2
              ? 'two-tiers'
              : count === 3
                ? 'three-tiers'
                : undefined;
    const lines = [`  - ${layout ? `layout: ${layout}\n    ` : ''}panels:`];
    for (let i = start; i < start + count; i++) {
      lines.push(
        `      - shot: medium`,
        `        scene: panel ${i + 1}, a lighthouse keeper climbs the stairs`,
        `        characters: [keeper]`,
        `        caption: Step ${i + 1}.`,
        `        dialogue:`,
        `          - keeper: Almost there.`,
      );
    }
    pages.push(lines.join('\n'));
  }
  return [
    `title: ${title}`,
    'issue: 1',
    'generation:',
    '  steps: 4',
    '  megapixels: 0.1',
    'characters:',
    '  keeper: an old lighthouse keeper in a yellow raincoat',
    'pages:',
    ...pages,
    '',
  ].join('\n');
}
