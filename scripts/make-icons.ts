/**
 * Draws the add-in's icons (assets/icon-<size>.png): a green rounded square with a white
 * three-bar chart, anti-aliased by supersampling. The PNGs are committed; run this again only
 * when the design changes:
 *
 *   npx tsx scripts/make-icons.ts [outDir]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PNG } from "pngjs";

/** Sizes named by manifest.xml (ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [16, 124, 65, 255]; // #107C41
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Bars as [left, top, right] in unit coordinates; all stand on BAR_BASE. */
const BARS: ReadonlyArray<readonly [number, number, number]> = [
  [0.2, 0.52, 0.35],
  [0.425, 0.36, 0.575],
  [0.65, 0.2, 0.8],
];
const BAR_BASE = 0.8;

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const lo = inset;
  const hi = 1 - inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour of the design at a point of the unit square. */
function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y, 0.02, 0.18)) return CLEAR;
  for (const [left, top, right] of BARS) {
    if (x >= left && x <= right && y >= top && y <= BAR_BASE) return WHITE;
  }
  return GREEN;
}

/** Renders one icon of size × size pixels and returns the PNG bytes. */
export function renderIcon(size: number, samples = 8): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Accumulate premultiplied colour so that edges blend with transparency correctly.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

function main(): void {
  const outDir = path.resolve(process.argv[2] ?? "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();
