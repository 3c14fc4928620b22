/*
 * Run colours. A run's colour is derived from its id, not from where it sits in the URL: the same
 * run keeps its colour when runs are added, removed or reordered, on every page and in a shared
 * link, and it is the same in every chart, the legend and the tables.
 */

/**
 * Sixteen hues that stay apart on white: Tableau 10, then darker tones of other hues. Light
 * pastels are avoided because a faint (low-alpha) raw line is drawn behind each curve.
 */
export const RUN_PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#7b4173',
  '#0b6e4f',
] as const;

const GOLDEN_ANGLE = 137.508;

/** HSL (degrees, percent, percent) as `#rrggbb`. */
export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/**
 * Colour of the run at `index` in the selection. Past the palette, hues step by the golden angle
 * (consecutive runs land far apart on the wheel) with alternating lightness, so even 100 runs
 * get distinct, reproducible colours.
 */
export function runColor(index: number): string {
  if (index < RUN_PALETTE.length) return RUN_PALETTE[index]!;
  const k = index - RUN_PALETTE.length;
  const hue = (k * GOLDEN_ANGLE + 15) % 360;
  return hslToHex(Math.round(hue * 10) / 10, 65, k % 2 === 0 ? 40 : 55);
}

/** FNV-1a of a run id: a well-spread 32-bit number, the same everywhere the id is. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Colour slots a run may hash to: the palette, then as many generated hues again. */
const SLOTS = RUN_PALETTE.length * 2;

/**
 * Colours by run id. Each run prefers the slot its id hashes to; two runs of one selection that
 * prefer the same slot must still differ, so runs are placed in order of their hash (never of their
 * position in the URL) and one whose slot is taken takes the next free one. Past SLOTS runs the
 * generated hues go on (runColor).
 */
export function runColors(runIds: readonly string[]): Map<string, string> {
  const unique = [...new Set(runIds)];
  const order = unique.map((id) => ({ id, hash: idHash(id) })).sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : 1));
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const { id, hash } of order) {
    let slot = hash % SLOTS;
    while (taken.has(slot)) slot = (slot + 1) % Math.max(SLOTS, unique.length);
    taken.add(slot);
    colors.set(id, runColor(slot));
  }
  return new Map(runIds.map((id) => [id, colors.get(id)!]));
}

/** `#rrggbb` with an alpha channel (`#rrggbbaa`), which canvas and CSS both accept. */
export function withAlpha(hex: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex.slice(0, 7)}${byte}`;
}
