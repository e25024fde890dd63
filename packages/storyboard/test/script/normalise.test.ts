import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, normaliseShot, parseStory, type Story } from '../../src/script/index.js';
import { readFixture } from './_fixtures.js';

/** Parses a script body; `title: T` is added when the body has none. */
function parse(body: string): Story {
  const text = /^title:/m.test(body) ? body : `title: T\n${body}`;
  return parseStory(text, { file: 'test.yaml' });
}

const CAST = 'characters:\n  mara: a tall woman\n  joe: a wiry man\n';

describe('defaults', () => {
  const story = parse('pages:\n  - panels: [a harbor]\n');

  it('fills issue metadata', () => {
    expect(story).toMatchObject({
      version: 1,
      issue: 1,
      language: 'en',
      direction: 'ltr',
      series: undefined,
      date: undefined,
      credits: { writer: [], artist: [], letterer: [], colorist: [], editor: [] },
    });
  });

  it('fills generation settings from the model page', () => {
    expect(story.generation).toEqual({
      model: 'Adel_AI/Comics-Factory-v1',
      trigger: 'ComicsFact1 style.',
      style: undefined,
      negative: undefined,
      steps: 20,
      scale: 3.5,
      samples: 1,
      seed: DEFAULT_SEED,
      seedMode: 'derived',
      maxSide: 2048,
      megapixels: undefined,
      upscale: { mode: 'auto', model: 'xinntao/Real-ESRGAN', modelName: undefined, ppi: 300 },
    });
    expect(DEFAULT_SEED).toBe(93080474);
  });

  it('fills page settings', () => {
    expect(story.page).toEqual({
      size: 'us-comic',
      widthMm: undefined,
      heightMm: undefined,
      dpi: 300,
      bleedMm: 0,
    });
  });

  it('fills a panel written as plain text', () => {
    expect(story.pages[0]?.panels[0]).toEqual({
      id: 'p1-1',
      pageId: 'p1',
      pageNumber: 1,
      number: 1,
      shot: undefined,
      scene: 'a harbor',
      prompt: undefined,
      characters: [],
      positions: [],
      location: undefined,
      mood: undefined,
      lighting: undefined,
      seed: undefined,
      variant: 0,
      focus: 'center',
      bleed: true, // the only panel of its page: a splash
      captions: [],
      dialogue: [],
      sfx: [],
    });
  });

  it('fills book metadata, colour and lettering conventions', () => {
    expect(story).toMatchObject({
      languageIso: 'en',
      publisher: undefined,
      genre: [],
      ageRating: undefined,
      web: undefined,
      color: 'full',
      lettering: { caps: true },
    });
  });
});

describe('shorthands', () => {
  it('expands dialogue, captions, sfx, characters and credits', () => {
    const story = parse(`writer: Ada
artist: [Ben, Cleo]
${CAST}pages:
  - panels:
      - scene: a
        characters: mara
        caption: One
        sfx: BANG
        dialogue:
          mara: Get down!
      - scene: b
        characters: [mara, joe]
        captions: [Two, { text: Three, position: bottom }]
        sfx: [{ text: POW, rotate: 30 }]
        dialogue:
          - joe: Hi.
          - { speaker: mara, text: Duck!, kind: shout, position: top }
`);
    const [first, second] = story.pages[0]?.panels ?? [];
    expect(story.credits.writer).toEqual(['Ada']);
    expect(story.credits.artist).toEqual(['Ben', 'Cleo']);
    expect(first?.characters).toEqual(['mara']);
    expect(first?.captions).toEqual([{ text: 'One', position: 'top' }]);
    expect(first?.sfx).toEqual([{ text: 'BANG', rotate: 0, position: 'auto' }]);
    expect(first?.dialogue).toEqual([
      { speaker: 'mara', text: 'Get down!', kind: 'speech', position: 'auto' },
    ]);
    expect(second?.captions).toEqual([
      { text: 'Two', position: 'top' },
      { text: 'Three', position: 'bottom' },
    ]);
    expect(second?.sfx).toEqual([{ text: 'POW', rotate: 30, position: 'auto' }]);
    expect(second?.dialogue).toEqual([
      { speaker: 'joe', text: 'Hi.', kind: 'speech', position: 'auto' },
      { speaker: 'mara', text: 'Duck!', kind: 'shout', position: 'top' },
    ]);
  });

  it('expands characters and locations given as descriptions', () => {
    const story = parse(`${CAST}locations:\n  pier: a wooden pier\npages:\n  - panels: [a]\n`);
    expect(story.characters.mara).toEqual({
      id: 'mara',
      name: 'mara',
      description: 'a tall woman',
      voice: undefined,
      side: undefined,
    });
    expect(story.locations.pier).toEqual({
      id: 'pier',
      name: 'pier',
      description: 'a wooden pier',
    });
  });

  it('expands a cover written as its scene, titled with the issue title', () => {
    const story = parse('title: Night Run\ncover: a car in the rain\npages:\n  - panels: [a]\n');
    expect(story.cover).toMatchObject({
      id: 'cover',
      scene: 'a car in the rain',
      title: 'Night Run',
    });
  });

  it.each([
    ['true', 'T'],
    ['false', undefined],
    ['Custom Title', 'Custom Title'],
  ])('resolves cover title: %s', (title, expected) => {
    const story = parse(`cover: { scene: a, title: ${title} }\npages:\n  - panels: [a]\n`);
    expect(story.cover?.title).toBe(expected);
  });
});

describe('shot spellings', () => {
  it.each([
    ['close-up', 'close-up'],
    ['close up', 'close-up'],
    ['closeup', 'close-up'],
    ['Close Up', 'close-up'],
    ['CU', 'close-up'],
    ['close-up shot', 'close-up'],
    ['extreme close up', 'extreme-close-up'],
    ['ECU', 'extreme-close-up'],
    ["bird's eye", 'birds-eye'],
    ['bird’s-eye view', 'birds-eye'],
    ['birds_eye', 'birds-eye'],
    ['over the shoulder', 'over-the-shoulder'],
    ['OTS', 'over-the-shoulder'],
    ['dutch', 'dutch-angle'],
    ['Dutch Angle', 'dutch-angle'],
    ['point of view', 'pov'],
    ['POV', 'pov'],
    ['two shot', 'two-shot'],
    ['2-shot', 'two-shot'],
    ['wide shot', 'wide'],
    ['long shot', 'wide'],
    ['medium shot', 'medium'],
    ['establishing shot', 'establishing'],
    ['low angle', 'low-angle'],
    ["worm's eye", 'low-angle'],
    ['high angle shot', 'high-angle'],
    ['insert', 'insert'],
  ])('%s → %s', (spelling, canonical) => {
    expect(normaliseShot(spelling)).toBe(canonical);
    const story = parse(`pages:\n  - panels:\n      - { scene: a, shot: "${spelling}" }\n`);
    expect(story.pages[0]?.panels[0]?.shot).toBe(canonical);
  });

  it.each(['closer', 'constructor', '__proto__', 'shot', ''])('rejects %j', (spelling) => {
    expect(normaliseShot(spelling)).toBeUndefined();
  });
});

describe('ids', () => {
  it('assigns page ids p<n> and panel ids <page>-<n>, keeping explicit ones', () => {
    const story = parse(`pages:
  - panels: [a, b]
  - id: harbor
    panels: [c, { id: the-end, scene: d }]
`);
    expect(story.pages.map((page) => page.id)).toEqual(['p1', 'harbor']);
    expect(story.pages.flatMap((page) => page.panels.map((panel) => panel.id))).toEqual([
      'p1-1',
      'p1-2',
      'harbor-1',
      'the-end',
    ]);
    expect(story.pages[1]?.panels[1]).toMatchObject({ pageId: 'harbor', pageNumber: 2, number: 2 });
  });
});

describe('slug', () => {
  it.each([
    ['The Drowned Harbor', 3, 'the-drowned-harbor-003'],
    ['Café Noir: Part 2!', 12, 'cafe-noir-part-2-012'],
    ['鋼の海', 1, 'issue-001'],
    ['../../etc/passwd', 1, 'etc-passwd-001'],
    ['A'.repeat(200), 1000, `${'a'.repeat(40)}-1000`],
  ])('%s #%i → %s', (title, issue, slug) => {
    const story = parse(`title: "${title}"\nissue: ${issue}\npages:\n  - panels: [a]\n`);
    expect(story.slug).toBe(slug);
    expect(story.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('generation settings', () => {
  it.each([
    ['trigger: false', null],
    ['useTrigger: false', null],
    ['trigger: true', 'ComicsFact1 style.'],
    ['trigger: MyStyle1 style.', 'MyStyle1 style.'],
    ['steps: 20', 'ComicsFact1 style.'],
  ])('%s → trigger %j', (line, trigger) => {
    const story = parse(`generation:\n  ${line}\npages:\n  - panels: [a]\n`);
    expect(story.generation.trigger).toBe(trigger);
  });

  it('accepts `render:` and `avoid:` as aliases', () => {
    const story = parse('render:\n  avoid: text\n  seedMode: fixed\npages:\n  - panels: [a]\n');
    expect(story.generation).toMatchObject({ negative: 'text', seedMode: 'fixed' });
  });
});

describe('pages and layouts', () => {
  it('lets panels inherit location, mood and lighting from their page', () => {
    const story = parse(`locations:\n  pier: a pier\n  bar: a bar
pages:
  - location: pier
    mood: tense
    lighting: dusk
    panels: [a, { scene: b, location: bar, mood: calm }]
`);
    const [a, b] = story.pages[0]?.panels ?? [];
    expect(a).toMatchObject({ location: 'pier', mood: 'tense', lighting: 'dusk' });
    expect(b).toMatchObject({ location: 'bar', mood: 'calm', lighting: 'dusk' });
  });

  it.each([
    [1, 'splash'],
    [2, 'two-tiers'],
    [3, 'three-tiers'],
    [4, 'grid-2x2'],
    [6, 'grid-2x3'],
    [9, 'grid-3x3'],
  ])('chooses a template for %i panels when none is named', (count, layout) => {
    const panels = Array.from({ length: count }, (_, i) => `p${i}`).join(', ');
    const story = parse(`pages:\n  - panels: [${panels}]\n`);
    expect(story.pages[0]?.layout).toBe(layout);
  });

  it('expands grid rows written as column counts', () => {
    const story = parse(`pages:
  - layout: { rows: [2, { height: 2, columns: 1 }, { columns: [2, 1] }] }
    panels: [a, b, c, d, e]
`);
    expect(story.pages[0]?.layout).toEqual({
      rows: [
        { height: 1, columns: [1, 1] },
        { height: 2, columns: [1] },
        { height: 1, columns: [2, 1] },
      ],
      spans: [],
    });
  });

  it.each([
    ['a4', { size: 'a4', widthMm: undefined, heightMm: undefined, dpi: 300, bleedMm: 0 }],
    [
      '{ width: 6.625in, height: 10.25in, bleed: 0.125in, dpi: 600 }',
      { size: 'custom', widthMm: 168.275, heightMm: 260.35, dpi: 600, bleedMm: 3.175 },
    ],
    [
      '{ width: 170, height: 240, bleed: 1cm }',
      { size: 'custom', widthMm: 170, heightMm: 240, dpi: 300, bleedMm: 10 },
    ],
    [
      '{ size: square, bleed: 9pt }',
      { size: 'square', widthMm: undefined, heightMm: undefined, dpi: 300, bleedMm: 3.175 },
    ],
  ])('reads page settings %s', (page, expected) => {
    const story = parse(`page: ${page}\npages:\n  - panels: [a]\n`);
    expect(story.page).toEqual(expected);
  });
});

describe('the complete example', () => {
  const story = parseStory(readFixture('valid', 'complete'), { file: 'complete.yaml' });

  it('resolves every panel reference to a defined character and location', () => {
    for (const panel of story.pages.flatMap((page) => page.panels)) {
      for (const id of panel.characters) expect(story.characters[id]).toBeDefined();
      for (const line of panel.dialogue) expect(story.characters[line.speaker]).toBeDefined();
      if (panel.location !== undefined) expect(story.locations[panel.location]).toBeDefined();
    }
  });

  it('is deterministic', () => {
    expect(parseStory(readFixture('valid', 'complete'), { file: 'complete.yaml' })).toEqual(story);
  });
});
