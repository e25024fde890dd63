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
  /** Where the picture prints. */
  print: PanelPrint;
  /** The enlargement on Wiro that brings the picture to the target print resolution, if needed. */
  upscale: UpscalePlan | undefined;
}

/** The rectangle a panel's picture covers on the printed page. */
export interface PanelPrint {
  /** Width of the rectangle, in inches. */
  widthIn: number;
  /** Height of the rectangle, in inches. */
  heightIn: number;
  /** The page's resolution, dots per inch. */
  dpi: number;
}

/** An upscale task planned for a panel: the generated picture, enlarged on Wiro. */
export interface UpscalePlan {
  /** Model id, "owner/name" (inputs as `xinntao/Real-ESRGAN`). */
  model: string;
  modelName: string;
  /** Each side of the picture is multiplied by this. */
  outscale: number;
  /** Size of the enlarged picture, in pixels. */
  width: number;
  height: number;
  /** Content address of the enlarged picture: the source picture's key and these settings. */
  cacheKey: string;
}
