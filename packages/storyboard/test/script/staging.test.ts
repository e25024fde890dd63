import { describe, expect, it } from 'vitest';
import { parseStory, type Story, safeParseStory } from '../../src/script/index.js';

const CAST = `characters:
  mara: { name: Mara Voss, description: a tall woman, side: left }
  joe: a wiry man
`;

function parse(body: string, head = ''): Story {
  return parseStory(`title: T\n${head}${CAST}${body}`, { file: 'test.yaml' });
}

function problems(body: string): string[] {
  const result = safeParseStory(`title: T\n${CAST}${body}`, { file: 'test.yaml' });
  return result.ok ? [] : result.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
}

describe('speaker positions', () => {
  it('keeps every existing form of `characters` and places no one', () => {
    const story = parse('pages:\n  - panels:\n      - { scene: a, characters: mara }\n');
    const panel = story.pages[0]?.panels[0];
    expect(panel?.characters).toEqual(['mara']);
    expect(panel?.positions).toEqual([]);
  });

  it('reads `id: side`, `{id, at}` and dialogue `at`, and gives each line its speaker’s place', () => {
    const story = parse(`pages:
  - panels:
      - scene: a
        characters: [{ mara: left }, { id: joe, at: { x: 0.8, y: 0.3 } }]
        dialogue:
          - mara: Hi.
          - { speaker: joe, text: Yo., at: { x: 0.8, y: 0.3 } }
          - { speaker: mara, text: Again. }
`);
    const panel = story.pages[0]?.panels[0];
    expect(panel?.characters).toEqual(['mara', 'joe']);
    expect(panel?.positions).toEqual([
      { character: 'mara', at: { x: 0.25, y: undefined } },
      { character: 'joe', at: { x: 0.8, y: 0.3 } },
    ]);
    expect(panel?.dialogue.map((line) => line.at)).toEqual([
      { x: 0.25, y: undefined },
      { x: 0.8, y: 0.3 },
      { x: 0.25, y: undefined },
    ]);
  });

  it('places a speaker from the dialogue line alone, and leaves unplaced speakers undefined', () => {
    const story = parse(`pages:
  - panels:
      - scene: a
        characters: [mara, joe]
        dialogue:
          - { speaker: joe, text: Yo., at: center }
          - mara: Hi.
`);
    const panel = story.pages[0]?.panels[0];
    expect(panel?.positions).toEqual([{ character: 'joe', at: { x: 0.5, y: undefined } }]);
    expect(panel?.dialogue.map((line) => line.at)).toEqual([{ x: 0.5, y: undefined }, undefined]);
  });

  it('reads a lone `at` as a full line or entry missing its speaker or id', () => {
    expect(
      problems('pages:\n  - panels:\n      - { scene: a, dialogue: [{ at: left }] }\n'),
    ).toEqual(['7:32 missing required key `speaker`', '7:32 missing required key `text`']);
    expect(
      problems('pages:\n  - panels:\n      - { scene: a, characters: [{ at: left }] }\n'),
    ).toEqual(['7:34 missing required key `id`']);
  });

  it('accepts the same position given twice, and reports a misspelt character in `id: side`', () => {
    expect(
      problems(`pages:
  - panels:
      - scene: a
        characters: [{ joe: right }]
        dialogue: [{ speaker: joe, text: Yo., at: right }]
`),
    ).toEqual([]);
    expect(
      problems('pages:\n  - panels:\n      - { scene: a, characters: [{ jeo: right }] }\n'),
    ).toEqual(['7:36 unknown character `jeo`; did you mean `joe`?']);
  });
});

describe('panel bleed', () => {
  it('bleeds the only panel of a page, and others only when asked', () => {
    const story = parse(`pages:
  - panels: [a]
  - layout: splash
    panels: [{ scene: b, bleed: false }]
  - panels: [c, { scene: d, bleed: true }]
`);
    expect(story.pages.map((page) => page.panels.map((panel) => panel.bleed))).toEqual([
      [true],
      [false],
      [false, true],
    ]);
  });
});

describe('book settings', () => {
  it('defaults colour to bw and caps off on manga-b5, caps on for us-comic only', () => {
    const manga = parse('pages: [{ panels: [a] }]\n', 'page: manga-b5\n');
    expect([manga.color, manga.lettering.caps]).toEqual(['bw', false]);
    const comic = parse('pages: [{ panels: [a] }]\n');
    expect([comic.color, comic.lettering.caps]).toEqual(['full', true]);
    const a4 = parse('pages: [{ panels: [a] }]\n', 'page: { size: a4 }\n');
    expect([a4.color, a4.lettering.caps]).toEqual(['full', false]);
  });

  it('lets the script say otherwise', () => {
    const story = parse(
      'pages: [{ panels: [a] }]\n',
      'page: manga-b5\ncolor: full\nlettering: { caps: true }\n',
    );
    expect([story.color, story.lettering.caps]).toEqual(['full', true]);
    const bw = parse('pages: [{ panels: [a] }]\n', 'color: bw\nlettering: { caps: false }\n');
    expect([bw.color, bw.lettering.caps]).toEqual(['bw', false]);
  });

  it('carries publisher, genres, age rating, web address and the ISO language code', () => {
    const story = parse(
      'pages: [{ panels: [a] }]\n',
      'language: pt-BR\npublisher: Tide Press\ngenre: noir\nageRating: Mature 17+\nweb: https://example.com/a?b=1&c=2\n',
    );
    expect(story).toMatchObject({
      language: 'pt-BR',
      languageIso: 'pt',
      publisher: 'Tide Press',
      genre: ['noir'],
      ageRating: 'Mature 17+',
      web: 'https://example.com/a?b=1&c=2',
    });
  });

  it('refuses web addresses that are not http(s) or have no host', () => {
    for (const web of ['ftp://example.com', 'https://', 'example.com', '"https://a b.com"']) {
      expect(problems(`web: ${web}\npages: [{ panels: [a] }]\n`), web).toEqual([
        expect.stringContaining('expected a web address starting with `https://`'),
      ]);
    }
  });

  it('reads a safe inset in any unit', () => {
    const story = parse('pages: [{ panels: [a] }]\n', 'page: { size: a4, safe: 0.5in }\n');
    expect(story.page.safeMm).toBeCloseTo(12.7, 9);
  });
});
