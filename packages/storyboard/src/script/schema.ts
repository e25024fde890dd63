/**
 * The script format, in zod: the single source of truth for validation and for the published
 * JSON Schema (`schema/story.schema.json`). It describes the script as written, shorthands
 * included; `normalise.ts` turns a validated script into the canonical `Story`.
 */

import { REAL_ESRGAN } from 'wiro-core';
import * as z from 'zod';
import { COMICS_FACTORY_MODEL, COMICS_FACTORY_TRIGGER } from './comics-model.js';
import { LAYOUT_TEMPLATES } from './layouts.js';
import { STORY_LIMITS as L } from './limits.js';
import {
  choice,
  decimal,
  describeValue,
  id,
  integer,
  label,
  oneOf,
  strictObject,
  text,
} from './schema-parts.js';
import { describeShotProblem, SHOTS } from './shots.js';
import {
  AGE_RATINGS,
  CAPTION_POSITIONS,
  COLOR_MODES,
  DIALOGUE_KINDS,
  DIRECTIONS,
  FOCUS_POINTS,
  PAGE_SIZES,
  PLACEMENTS,
  SEED_MODES,
  SIDES,
  STAGE_SIDES,
} from './vocabulary.js';

/** Whether `value` is an absolute `http:` or `https:` address with a host and no spaces. */
function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s<>"'`]+$/i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** Base seed used when the script gives none (the model page's example seed). */
export const DEFAULT_SEED = 93_080_474;

const seed = (description: string) => integer(0, L.maxSeed, description);

/** A length: a number of millimetres or a string with a unit, `"6.625in"`, `"3mm"`. */
const length = oneOf(
  [
    z.number().min(0).max(10_000).describe('millimetres'),
    z
      .string()
      .regex(/^\d{1,5}(\.\d{1,4})?\s*(mm|cm|in|pt)$/, {
        error: (iss) =>
          `expected a length like \`3mm\`, \`0.125in\`, \`1cm\` or \`9pt\`, got ${describeValue(iss.input)}`,
      })
      .describe('a length with a unit: mm, cm, in or pt'),
  ],
  'a length (a number of millimetres, or text like `3mm` or `0.125in`)',
);

/** One or more credited names. */
const credit = (role: string) =>
  oneOf(
    [label(`The ${role}.`), z.array(label('A name.')).min(1).max(L.maxCreditNames)],
    'a name or a list of names',
  )
    .optional()
    .describe(`Who is credited as ${role}: a name or a list of names.`);

/** The print resolution `upscale: auto` aims for, in pixels per inch. */
export const DEFAULT_UPSCALE_PPI = 300;

/** When and how panels are enlarged on Wiro before they are laid out. */
const upscaleSchema = oneOf(
  [
    choice(['auto', 'off'], 'upscale mode'),
    strictObject({
      model: z
        .string()
        .max(100)
        .regex(/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/, {
          error: (iss) =>
            `expected a Wiro model id \`owner/name\`, got ${describeValue(iss.input)}`,
        })
        .default(REAL_ESRGAN.model)
        .describe('Wiro model that enlarges the pictures (inputs as xinntao/Real-ESRGAN).'),
      modelName: choice(REAL_ESRGAN.modelNames, 'Real-ESRGAN model name')
        .optional()
        .describe(
          'Real-ESRGAN weights (default by factor: RealESRGAN_x2plus up to 2×, else RealESRGAN_x4plus).',
        ),
      ppi: integer(72, 1200, 'Print resolution to reach, in pixels per inch.').default(
        DEFAULT_UPSCALE_PPI,
      ),
    }),
  ],
  '`auto`, `off`, or a map with `model`, `modelName`, `ppi`',
);

/** Image-model settings (`generation:` or its alias `render:`). */
export const generationSchema = strictObject({
  model: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/, {
      error: (iss) => `expected a Wiro model id \`owner/name\`, got ${describeValue(iss.input)}`,
    })
    .default(COMICS_FACTORY_MODEL)
    .describe('Wiro model id, `owner/name`.'),
  trigger: oneOf([label('Trigger phrase.', 200), z.boolean()], 'a trigger phrase or `false`')
    .optional()
    .describe(
      `LoRA trigger phrase put first in every prompt (default \`${COMICS_FACTORY_TRIGGER}\`); \`false\` leaves it out.`,
    ),
  useTrigger: z
    .boolean()
    .optional()
    .describe('`false` leaves the trigger phrase out (same as `trigger: false`).'),
  style: text(L.maxStyleLength, 'Style text appended after the trigger phrase.').optional(),
  negative: text(L.maxStyleLength, 'What the images should avoid.').optional(),
  avoid: text(L.maxStyleLength, 'Alias of `negative`.').optional(),
  steps: integer(1, 50, 'Diffusion steps.').default(20),
  scale: decimal(0, 20, 'Guidance scale.').default(3.5),
  samples: integer(1, 8, 'Images generated per panel; pick one with `variant`.').default(1),
  seed: seed('Base seed, 0 to 4294967295.').default(DEFAULT_SEED),
  seedMode: z
    .enum(SEED_MODES)
    .default('derived')
    .describe(
      '`derived`: each panel gets a seed derived from the base seed and its id; `fixed`: every panel uses the base seed.',
    ),
  maxSide: integer(256, 2048, 'Longest image side in pixels (a cap; panels are sized by area).')
    .multipleOf(16)
    .default(2048),
  megapixels: decimal(
    0.1,
    4.2,
    'Image area per panel in megapixels (default about 1, Flux native).',
  ).optional(),
  upscale: upscaleSchema
    .default('auto')
    .describe(
      `\`auto\` (default): panels that would print below ${DEFAULT_UPSCALE_PPI} ppi are enlarged on Wiro (${REAL_ESRGAN.model}); \`off\`; or a map with \`model\`, \`modelName\`, \`ppi\`.`,
    ),
});

/** Page size and print settings, or just a size name. */
export const pageSettingsSchema = oneOf(
  [
    choice(PAGE_SIZES, 'page size').describe('A named page size.'),
    strictObject({
      size: choice(PAGE_SIZES, 'page size')
        .optional()
        .describe('A named page size (default `us-comic`).'),
      width: length.optional().describe('Custom page width (with `height`).'),
      height: length.optional().describe('Custom page height (with `width`).'),
      dpi: integer(72, 1200, 'Print resolution in dots per inch.').default(300),
      bleed: length
        .optional()
        .describe(
          'Bleed around the trim (default 0; for print, the page size’s printer bleed: 0.125 in, or 3 mm for manga-b5 and a4).',
        ),
      safe: length
        .optional()
        .describe(
          'Safe inset from the trim: lettering and panel borders stay inside it (default: the page size’s, 0.25 in, or 5 mm for manga-b5 and a4).',
        ),
    }),
  ],
  `a page size (${PAGE_SIZES.join(', ')}) or a map with \`size\`/\`width\`/\`height\`/\`dpi\`/\`bleed\``,
).describe('Page size and print settings.');

/** A custom grid row: a number of equal columns, or relative height and column widths. */
const gridRowSchema = oneOf(
  [
    integer(1, L.maxGridColumns, 'A row of this many equal columns.'),
    strictObject({
      height: decimal(0.05, 100, 'Relative height of the row.').default(1),
      columns: oneOf(
        [
          integer(1, L.maxGridColumns, 'This many equal columns.'),
          z
            .array(decimal(0.05, 100, 'Relative column width.'))
            .min(1)
            .max(L.maxGridColumns)
            .describe('Relative column widths.'),
        ],
        'a column count or a list of relative widths',
      ),
    }),
  ],
  'a column count or a map with `height` and `columns`',
);

/** A custom grid layout. */
const customGridSchema = strictObject({
  rows: z.array(gridRowSchema).min(1).max(L.maxGridRows).describe('Rows, top to bottom.'),
  spans: z
    .array(
      strictObject({
        row: integer(0, L.maxGridRows - 1, 'First row covered, from 0.'),
        col: integer(0, L.maxGridColumns - 1, 'First column covered, from 0.'),
        rowSpan: integer(1, L.maxGridRows, 'Rows covered.').default(1),
        colSpan: integer(1, L.maxGridColumns, 'Columns covered.').default(1),
      }),
    )
    .max(L.maxGridRows * L.maxGridColumns)
    .optional()
    .describe('Cells merged into one panel slot; rows and columns counted from 0.'),
}).describe('A custom grid.');

/** A layout: a template name or a custom grid. */
export const layoutSchema = oneOf(
  [choice(LAYOUT_TEMPLATES, 'layout').describe('A layout template.'), customGridSchema],
  `a layout template (${LAYOUT_TEMPLATES.join(', ')}) or a grid with \`rows\``,
).describe('Page layout: a template name or a custom grid.');

/** A camera shot, in any common spelling (`close up`, `closeup`, `bird's eye`). */
const shotSchema = z
  .string()
  .max(40)
  .refine((value) => describeShotProblem(value) === undefined, {
    error: (iss) => describeShotProblem(String(iss.input)),
  })
  .meta({ description: 'Camera shot.', examples: [...SHOTS] });

/** A caption: text, or text with a position. */
const captionItemSchema = oneOf(
  [
    text(L.maxCaptionLength, 'Caption text.').min(1),
    strictObject({
      text: text(L.maxCaptionLength, 'Caption text.').min(1),
      position: choice(CAPTION_POSITIONS, 'caption position')
        .default('top')
        .describe('Where the caption box sits.'),
    }),
  ],
  'caption text or a map with `text` and `position`',
);
const captionsSchema = oneOf(
  [captionItemSchema, z.array(captionItemSchema).max(L.maxCaptionsPerPanel)],
  'caption text or a list of captions',
).describe('Caption boxes: text, or a list of text or `{text, position}`.');

/** Where a character is in the panel: a side, or fractions of the panel's width and height. */
export const stagePositionSchema = oneOf(
  [
    choice(STAGE_SIDES, 'position').describe('The left, center or right of the picture.'),
    strictObject({
      x: decimal(0, 1, 'Across the panel: 0 is the left edge, 1 the right edge.'),
      y: decimal(0, 1, 'Down the panel: 0 is the top, 1 the bottom.'),
    }).describe('Where the speaker’s head is, as fractions of the panel from its top-left corner.'),
  ],
  '`left`, `center`, `right` or a map `{x, y}` of fractions from 0 to 1',
).describe(
  'Where the character is in the panel: `left`, `center`, `right`, or `{x, y}` fractions of the panel from its top-left corner (where the head is). Put in the prompt as a composition hint and used to aim balloon tails.',
);

/** Keys of a full dialogue line; they cannot be speaker ids in the `speaker: text` form. */
export const DIALOGUE_KEYS = ['speaker', 'text', 'kind', 'position', 'at'] as const;

/** Keys of a full panel character; they cannot be character ids in the `id: position` form. */
export const PANEL_CHARACTER_KEYS = ['id', 'at'] as const;

/** One dialogue line in full. */
const dialogueObjectSchema = strictObject({
  speaker: id('Id of the speaking character.'),
  text: text(L.maxDialogueLength, 'What is said.').min(1),
  kind: choice(DIALOGUE_KINDS, 'dialogue kind').default('speech').describe('Balloon style.'),
  position: choice(PLACEMENTS, 'position')
    .default('auto')
    .describe('Where the balloon tail points from.'),
  at: stagePositionSchema.optional(),
});

/** One dialogue line as `speaker: text`. */
const dialogueShorthandSchema = z
  .record(
    id('Id of the speaking character.').refine(
      (key) => !(DIALOGUE_KEYS as readonly string[]).includes(key),
      {
        error: (iss) =>
          `\`${String(iss.input)}\` is a dialogue key, not a speaker: write \`{speaker: …, text: …}\``,
      },
    ),
    text(L.maxDialogueLength, 'What is said.').min(1),
  )
  .refine((line) => Object.keys(line).length === 1, {
    error: 'a `speaker: text` line has exactly one speaker; write one line per speaker',
  })
  .describe('`speaker: text`, one speaker per line.');

const dialogueLineSchema = oneOf(
  [dialogueObjectSchema, dialogueShorthandSchema],
  '`speaker: text` or a map with `speaker`, `text`, `kind`, `position`, `at`',
);

/** A character present in a picture: an id, or an id with where the character is. */
export const panelCharacterSchema = oneOf(
  [
    id('A character id.'),
    strictObject({
      id: id('A character id.'),
      at: stagePositionSchema,
    }),
    z
      .record(
        id('A character id.').refine(
          (key) => !(PANEL_CHARACTER_KEYS as readonly string[]).includes(key),
          {
            error: (iss) =>
              `\`${String(iss.input)}\` is a key of a panel character, not a character: write \`{id: …, at: …}\``,
          },
        ),
        stagePositionSchema,
      )
      .refine((entry) => Object.keys(entry).length === 1, {
        error:
          'a `character: position` entry places exactly one character; write one per character',
      })
      .describe('`character: position`, one character per entry.'),
  ],
  'a character id, `character: position` or a map with `id` and `at`',
);

/** A sound effect: text, or text with rotation and position. */
const sfxItemSchema = oneOf(
  [
    label('Sound effect text.', L.maxSfxLength),
    strictObject({
      text: label('Sound effect text.', L.maxSfxLength),
      rotate: decimal(-180, 180, 'Rotation in degrees.').default(0),
      position: choice(PLACEMENTS, 'position').default('auto').describe('Where the effect sits.'),
    }),
  ],
  'sound effect text or a map with `text`, `rotate`, `position`',
);

/** What the cover and panels share. */
const artShape = {
  shot: shotSchema.optional(),
  scene: text(L.maxSceneLength, 'What the picture shows (required unless `prompt` is given).')
    .min(1)
    .optional(),
  prompt: text(
    L.maxPromptLength,
    'Raw prompt used instead of one built from the scene; the trigger phrase still leads it unless the script opts out.',
  )
    .min(1)
    .optional(),
  characters: oneOf(
    [
      panelCharacterSchema,
      z
        .array(panelCharacterSchema)
        .max(L.maxCharactersPerPanel)
        .describe('Character ids, each alone or with where the character is.'),
    ],
    'a character id or a list of character ids',
  )
    .optional()
    .describe(
      'Characters present (ids from `characters`); `- mara: left` or `- {id: mara, at: {x: 0.3, y: 0.4}}` also says where one is.',
    ),
  location: id('Location id (from `locations`).').optional(),
  mood: label('Mood of the picture.').optional(),
  lighting: label('Lighting of the picture.').optional(),
  seed: seed('Pinned seed for this picture.').optional(),
  variant: integer(0, 7, 'Which sample to use when `samples` > 1, from 0.').default(0),
  focus: choice(FOCUS_POINTS, 'focus').default('center').describe('Crop focal point.'),
  caption: captionsSchema.optional(),
  captions: captionsSchema.optional(),
  sfx: oneOf(
    [sfxItemSchema, z.array(sfxItemSchema).max(L.maxSfxPerPanel)],
    'a sound effect or a list of them',
  )
    .optional()
    .describe('Sound effects.'),
};

/** A panel: a scene description, or a map. */
export const panelSchema = oneOf(
  [
    text(L.maxSceneLength, 'The scene, with every other setting left to its default.').min(1),
    strictObject({
      id: id('Panel id (default `<page id>-<number>`).').optional(),
      ...artShape,
      bleed: z
        .boolean()
        .optional()
        .describe(
          'Run the art past the border to the bleed edge where the panel meets the page edge (default: only the single panel of a splash page).',
        ),
      dialogue: oneOf(
        [dialogueLineSchema, z.array(dialogueLineSchema).max(L.maxDialoguePerPanel)],
        'a dialogue line or a list of them',
      )
        .optional()
        .describe('Dialogue lines: `speaker: text` or `{speaker, text, kind, position, at}`.'),
    }),
  ],
  'a scene description or a map with `scene`, `characters`, `dialogue`, ...',
);

/** A page. */
export const pageSchema = strictObject({
  id: id('Page id (default `p<number>`).').optional(),
  layout: layoutSchema.optional(),
  location: id('Default location of the page’s panels.').optional(),
  mood: label('Default mood of the page’s panels.').optional(),
  lighting: label('Default lighting of the page’s panels.').optional(),
  panels: z
    .array(panelSchema)
    .min(1, { error: 'a page needs at least one panel' })
    .max(L.maxPanelsPerPage)
    .describe('Panels in reading order.'),
});

/** A recurring character: a description, or a map. */
const characterSchema = oneOf(
  [
    text(L.maxDescriptionLength, 'Visual description.').min(1),
    strictObject({
      name: label('Display name (default: the id).').optional(),
      description: text(
        L.maxDescriptionLength,
        'Visual description, put in every prompt the character appears in.',
      ).min(1),
      voice: label('Lettering hint for the voice.').optional(),
      side: choice(SIDES, 'side')
        .optional()
        .describe('Side of the panel the character usually stands on.'),
    }),
  ],
  'a description or a map with `name` and `description`',
);

/** A recurring location: a description, or a map. */
const locationSchema = oneOf(
  [
    text(L.maxDescriptionLength, 'Visual description.').min(1),
    strictObject({
      name: label('Display name (default: the id).').optional(),
      description: text(L.maxDescriptionLength, 'Visual description.').min(1),
    }),
  ],
  'a description or a map with `name` and `description`',
);

/** The cover: a scene description, or a panel-like map with a title. */
const coverSchema = oneOf(
  [
    text(L.maxSceneLength, 'The cover scene.').min(1),
    strictObject({
      ...artShape,
      title: oneOf([label('Title lettered on the cover.'), z.boolean()], 'text, `true` or `false`')
        .default(true)
        .describe('`true`: letter the issue title; text: letter this instead; `false`: none.'),
    }),
  ],
  'a scene description or a map with `scene`, `title`, ...',
).describe('The cover, rendered full page.');

/** A whole script. */
export const storySchema = strictObject({
  version: z.literal(1).default(1).describe('Script format version.'),
  title: label('Issue title.'),
  series: label('Series name.').optional(),
  issue: integer(0, 99_999, 'Issue number.').default(1),
  date: z.iso
    .date({ error: 'expected a date written YYYY-MM-DD' })
    .optional()
    .describe('Publication date, YYYY-MM-DD.'),
  writer: credit('writer'),
  artist: credit('artist'),
  letterer: credit('letterer'),
  colorist: credit('colorist'),
  editor: credit('editor'),
  language: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, {
      error: (iss) =>
        `expected a language tag like \`en\`, \`ja\` or \`pt-BR\`, got ${describeValue(iss.input)}`,
    })
    .default('en')
    .describe('Language of the lettering, a BCP-47 tag.'),
  direction: choice(DIRECTIONS, 'direction').default('ltr').describe('Reading direction.'),
  summary: text(L.maxSummaryLength, 'Short summary of the issue.').optional(),
  publisher: label('Publisher (ComicInfo, EPUB).').optional(),
  genre: oneOf(
    [label('A genre.'), z.array(label('A genre.')).min(1).max(L.maxGenres)],
    'a genre or a list of genres',
  )
    .optional()
    .describe('Genre or genres, e.g. `noir` or `[action, fantasy]`.'),
  ageRating: choice(AGE_RATINGS, 'age rating')
    .optional()
    .describe('Age rating, spelled as ComicInfo spells it (`Teen`, `Mature 17+`, ...).'),
  web: label('Web address.', L.maxUrlLength)
    .refine(isWebAddress, {
      error: (iss) =>
        `expected a web address starting with \`https://\` or \`http://\`, got ${describeValue(iss.input)}`,
    })
    .optional()
    .describe('Web page of the book or series, an `https://` or `http://` address.'),
  color: choice(COLOR_MODES, 'color')
    .optional()
    .describe(
      '`full` colour or `bw` (black and white: grayscale pages, lettering in black, white and grey); default `bw` for manga-b5 pages, else `full`.',
    ),
  lettering: strictObject({
    caps: z
      .boolean()
      .optional()
      .describe('Letter dialogue and captions in capitals (default: true on us-comic pages).'),
  })
    .optional()
    .describe('Lettering conventions.'),
  generation: generationSchema.optional().describe('Image-model settings.'),
  render: generationSchema.optional().describe('Alias of `generation`.'),
  page: pageSettingsSchema.optional(),
  characters: z
    .record(id('Character id.'), characterSchema)
    .optional()
    .describe('Recurring characters by id.'),
  locations: z
    .record(id('Location id.'), locationSchema)
    .optional()
    .describe('Recurring locations by id.'),
  cover: coverSchema.optional(),
  pages: z
    .array(pageSchema)
    .min(1, { error: 'a script needs at least one page' })
    .max(L.maxPages)
    .describe('Pages in reading order.'),
}).meta({
  title: 'comics-factory story script',
  description: 'A comic issue written as a script: metadata, characters, locations and pages.',
});

/** A script as written (before defaults), as the schema accepts it. */
export type StoryInput = z.input<typeof storySchema>;
/** A validated script with schema defaults applied, before normalisation. */
export type StoryDocument = z.output<typeof storySchema>;
