/** The comic script format: parse a YAML script into a normalised `Story`, or list every problem. */
export { COMICS_FACTORY_MODEL, COMICS_FACTORY_TRIGGER } from './comics-model.js';
export type { StoryIssue, StoryPath } from './errors.js';
export { formatIssues, formatPath, StoryValidationError } from './errors.js';
export {
  createStoryJsonSchema,
  renderStoryJsonSchema,
  STORY_JSON_SCHEMA_PATH,
} from './json-schema.js';
export type { LayoutTemplateName } from './layouts.js';
export {
  chooseDefaultLayout,
  findGridProblems,
  isLayoutTemplate,
  LAYOUT_SLOTS,
  LAYOUT_TEMPLATES,
  slotCountOf,
} from './layouts.js';
export type { StoryLimits } from './limits.js';
export { STORY_LIMITS } from './limits.js';
export { type LetteredTextPlace, locateLetteredText } from './locate-text.js';
export { toLanguageIso } from './normalise.js';
export type { ParseStoryOptions, SafeParseStoryResult } from './parse.js';
export { parseStory, safeParseStory } from './parse.js';
export type { StoryDocument, StoryInput } from './schema.js';
export { DEFAULT_SEED, DEFAULT_UPSCALE_PPI, storySchema } from './schema.js';
export type { Shot } from './shots.js';
export { normaliseShot, SHOTS } from './shots.js';
export { createSlug } from './slug.js';
export type {
  Caption,
  Character,
  CharacterPosition,
  Cover,
  Credits,
  CustomGrid,
  DialogueLine,
  GenerationSettings,
  GridRow,
  GridSpan,
  Layout,
  LetteringSettings,
  Location,
  Page,
  PageSettings,
  Panel,
  PanelArt,
  SoundEffect,
  StagePosition,
  Story,
  UpscaleSettings,
} from './types.js';
export type {
  AgeRating,
  CaptionPosition,
  ColorMode,
  DialogueKind,
  Direction,
  Focus,
  PageSizeName,
  Placement,
  SeedMode,
  Side,
  StageSide,
} from './vocabulary.js';
export {
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
