/** The Wiro model comics-factory renders panels on, unless the script names another. */
export const COMICS_FACTORY_MODEL = 'Adel_AI/Comics-Factory-v1';

/** The model's LoRA trigger phrase, put first in every prompt unless the script opts out. */
export const COMICS_FACTORY_TRIGGER = 'ComicsFact1 style.';
