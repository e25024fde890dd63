/** The inputs sent to the model for one panel. Every value that changes the picture is here. */
export interface PanelInputs {
  prompt: string;
  steps: number;
  scale: number;
  samples: number;
  seed: number;
  width: number;
  height: number;
}

/** One panel (or the cover) ready to render: the output of `expandPanels`. */
export interface PanelJob {
  /** Panel id, unique in the issue (e.g. `p3-2`, `cover`). */
  id: string;
  /** 1-based page number; 0 for the cover. */
  page: number;
  /** Slot in the page layout, in reading order. */
  slot: number;
  /** Model id, "owner/name". */
  model: string;
  inputs: PanelInputs;
  /** Which sample (0-based) the page uses when `samples` > 1. */
  variant: number;
  /** sha256 of the model and inputs: the content address of the rendered images. */
  cacheKey: string;
}
