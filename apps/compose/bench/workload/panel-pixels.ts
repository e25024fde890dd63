/**
 * Synthetic "rendered panel" pixels for the compose benchmark: pure, deterministic functions of
 * the panel number. A panel is a small landscape (sky, a glowing disc, rolling hills, a few lit
 * shapes) under two layers of smooth texture and fine per-pixel grain. The grain is what makes
 * the PNG files as large as diffusion-model output (about 1.1–1.35 MB at 1024²): flat synthetic
 * art would compress to a tenth of that and make decoding look far cheaper than it is.
 */

/** A seeded generator of floats in [0, 1) (splitmix32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

/** A colour from hue (turns), chroma and lightness, all in [0, 1]; channels 0–255. */
function colourOf(hue: number, chroma: number, lightness: number): Rgb {
  const channel = (offset: number) => {
    const phase = (hue + offset) * 2 * Math.PI;
    return 255 * Math.min(1, Math.max(0, lightness + 0.5 * chroma * Math.cos(phase)));
  };
  return [channel(0), channel(2 / 3), channel(1 / 3)];
}

/**
 * Smooth noise in [-1, 1] on a `cells × cells` lattice over the unit square, sampled a row at a
 * time: `sampleRow(v, row)` fills `row` with the values at v for u = 0, 1/width, 2/width, ….
 */
function createLatticeNoise(
  random: () => number,
  cells: number,
): (v: number, row: Float32Array) => void {
  const side = cells + 1;
  const values = Float32Array.from({ length: side * side }, () => 2 * random() - 1);
  const ease = (t: number) => t * t * (3 - 2 * t);
  const column = new Float32Array(side);
  return (v, row) => {
    const y = Math.min(cells - 1e-6, v * cells);
    const r = Math.floor(y);
    const ty = ease(y - r);
    for (let c = 0; c < side; c++) {
      const top = values[r * side + c] as number;
      column[c] = top + ((values[(r + 1) * side + c] as number) - top) * ty;
    }
    for (let x = 0; x < row.length; x++) {
      const u = Math.min(cells - 1e-6, (x / row.length) * cells);
      const c = Math.floor(u);
      const left = column[c] as number;
      row[x] = left + ((column[c + 1] as number) - left) * ease(u - c);
    }
  };
}

/** 3 × 5 bitmaps of the digits, one row of three bits per entry, top row first. */
const DIGITS = [
  [7, 5, 5, 5, 7],
  [2, 6, 2, 2, 7],
  [7, 1, 7, 4, 7],
  [7, 1, 3, 1, 7],
  [5, 5, 7, 1, 1],
  [7, 4, 7, 1, 7],
  [7, 4, 7, 5, 7],
  [7, 1, 1, 2, 2],
  [7, 5, 7, 5, 7],
  [7, 5, 7, 1, 7],
] as const;

/**
 * Writes `text` (digits) in black on a white plate at (left, top), `dot` pixels per font pixel,
 * so page order can be checked by eye. The plate sits well inside the centre crop of a panel.
 */
function stampNumber(
  pixels: Uint8ClampedArray,
  size: number,
  text: string,
  left: number,
  top: number,
  dot: number,
) {
  const plateW = (text.length * 4 + 1) * dot;
  const plateH = 7 * dot;
  const fill = (x0: number, y0: number, w: number, h: number, value: number) => {
    for (let y = y0; y < y0 + h; y++) {
      pixels.fill(value, (y * size + x0) * 3, (y * size + x0 + w) * 3);
    }
  };
  fill(left, top, plateW, plateH, 255);
  [...text].forEach((char, index) => {
    const rows = DIGITS[Number(char)] ?? DIGITS[0];
    rows.forEach((bits, row) => {
      for (let col = 0; col < 3; col++) {
        if ((bits >> (2 - col)) & 1) {
          fill(left + (1 + index * 4 + col) * dot, top + (1 + row) * dot, dot, dot, 0);
        }
      }
    });
  });
}

interface Hill {
  /** Height of the ridge (pixels from the top) in each column. */
  ridge: Float32Array;
  colour: Rgb;
}

interface Shape {
  round: boolean;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  colour: Rgb;
}

/** Raw RGB pixels (`size × size × 3`) of benchmark panel `index`. */
export function drawPanel(index: number, size = 1024): Uint8ClampedArray {
  const random = createRandom(0x5eed0000 + index * 7919);
  // Clamped: every channel value is rounded and kept within 0–255 on assignment.
  const pixels = new Uint8ClampedArray(size * size * 3);
  const hue = (index * 0.381966 + 0.1 * random()) % 1;
  const night = index % 3 === 2;
  const skyTop = colourOf(hue, 0.5, night ? 0.15 : 0.45);
  const skyBottom = colourOf(hue + 0.1, 0.6, night ? 0.35 : 0.8);
  const disc = { x: 0.2 + 0.6 * random(), y: 0.12 + 0.25 * random(), r: 0.04 + 0.07 * random() };
  const discColour = colourOf(hue + 0.5, 0.4, 0.85);

  const hills: Hill[] = [];
  for (let layer = 0, count = 2 + (index % 2); layer < count; layer++) {
    const waves = Array.from({ length: 4 }, (_, k) => ({
      frequency: 1 + random() * (2 + 5 * k),
      phase: random() * 2 * Math.PI,
      amplitude: (0.07 / (k + 1)) * (0.4 + random()),
    }));
    const base = 0.5 + 0.14 * layer + 0.05 * random();
    const ridge = new Float32Array(size);
    for (let x = 0; x < size; x++) {
      let y = base;
      for (const w of waves)
        y += w.amplitude * Math.sin((x / size) * w.frequency * 2 * Math.PI + w.phase);
      ridge[x] = y * size;
    }
    hills.push({ ridge, colour: colourOf(hue + 0.3 + 0.08 * layer, 0.4, 0.45 - 0.12 * layer) });
  }

  const shapes: Shape[] = Array.from({ length: 2 + Math.floor(4 * random()) }, () => ({
    round: random() < 0.5,
    cx: (0.15 + 0.7 * random()) * size,
    cy: (0.45 + 0.4 * random()) * size,
    rx: (0.05 + 0.12 * random()) * size,
    ry: (0.08 + 0.18 * random()) * size,
    colour: colourOf(random(), 0.6, 0.3 + 0.4 * random()),
  }));

  const coarse = createLatticeNoise(random, 20 + (index % 5) * 8);
  const fine = createLatticeNoise(random, 96);
  // Grain strength varies per panel, like the noise left by different samplers and prompts.
  const grainStrength = 0.55 + (index % 7) * 0.2 + 0.2 * random();
  let grain = (0x67a1 ^ Math.imul(index + 1, 2654435761)) >>> 0 || 1;

  const smoothRow = new Float32Array(size);
  const detailRow = new Float32Array(size);
  for (let y = 0; y < size; y++) {
    const v = y / size;
    coarse(v, smoothRow);
    fine(v, detailRow);
    const sky: Rgb = [
      skyTop[0] + (skyBottom[0] - skyTop[0]) * v,
      skyTop[1] + (skyBottom[1] - skyTop[1]) * v,
      skyTop[2] + (skyBottom[2] - skyTop[2]) * v,
    ];
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const smooth = smoothRow[x] as number;
      const detail = detailRow[x] as number;
      let r = sky[0];
      let g = sky[1];
      let b = sky[2];
      let strength = grainStrength;
      const d = Math.sqrt((u - disc.x) ** 2 + (v - disc.y) ** 2) / disc.r;
      const glow = d < 1 ? 1 : 0.5 * Math.exp(-((d - 1) ** 2) / 3);
      r += (discColour[0] - r) * glow;
      g += (discColour[1] - g) * glow;
      b += (discColour[2] - b) * glow;
      for (let h = 0; h < hills.length; h++) {
        const hill = hills[h] as Hill;
        const edge = hill.ridge[x] as number;
        const cover = Math.min(1, Math.max(0, (y - edge + 1.5) / 3));
        if (cover === 0) continue;
        const shade = 1 - 0.4 * Math.min(1, (y - edge) / (0.4 * size)) + 0.12 * smooth;
        r += (hill.colour[0] * shade - r) * cover;
        g += (hill.colour[1] * shade - g) * cover;
        b += (hill.colour[2] * shade - b) * cover;
        strength += (1.6 + 1.8 * h) * cover;
      }
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s] as Shape;
        const dx = (x - shape.cx) / shape.rx;
        const dy = (y - shape.cy) / shape.ry;
        const reach = shape.round ? dx * dx + dy * dy : Math.max(Math.abs(dx), Math.abs(dy));
        const cover = Math.min(1, Math.max(0, (1.02 - reach) / 0.04));
        if (cover === 0) continue;
        const shade = 1.1 - 0.3 * (dx + dy + 2) * 0.25 + 0.08 * detail;
        r += (shape.colour[0] * shade - r) * cover;
        g += (shape.colour[1] * shade - g) * cover;
        b += (shape.colour[2] * shade - b) * cover;
        strength += (2.5 - strength) * cover;
      }
      const texture = 9 * detail + 6 * smooth;
      // Grain (xorshift32): a triangular luminance part from two bytes, a smaller chroma part.
      grain ^= grain << 13;
      grain ^= grain >>> 17;
      grain ^= grain << 5;
      const luma = (((grain & 0xff) + ((grain >>> 8) & 0xff)) / 255 - 1) * 1.1 * strength;
      const chroma = (((grain >>> 16) & 0xff) / 255 - 0.5) * 0.7 * strength;
      const at = (y * size + x) * 3;
      pixels[at] = r + texture + luma + chroma;
      pixels[at + 1] = g + 0.9 * texture + luma - chroma;
      pixels[at + 2] = b + 0.8 * texture + luma;
    }
  }
  const dot = Math.round(size / 64);
  stampNumber(
    pixels,
    size,
    String(index).padStart(3, '0'),
    Math.round(size * 0.1),
    Math.round(size * 0.1),
    dot,
  );
  return pixels;
}
