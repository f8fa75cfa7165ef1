import { PRODUCT_SHAPES } from "./product-shapes";

/** <productId>-<n>.svg, or <productId>-<n>_<category>.svg to draw what a product of that category looks like. */
const FILE_NAME = /^([1-9]\d{0,9})-([1-9]\d{0,2})(?:_([a-z][a-z-]{0,39}))?\.svg$/;

/** FNV-1a with murmur3's final mix, so keys that differ in their last character still land far apart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [min, max) drawn from `key`; the same key always gives the same number. */
function draw(key: string, min: number, max: number): number {
  return min + (hash(key) / 4_294_967_296) * (max - min);
}

const round = (n: number) => Math.round(n);

const SHAPES: ((fill: string) => string)[] = [
  (fill) => `<rect x="250" y="210" width="300" height="400" rx="28" fill="${fill}"/><rect x="280" y="240" width="40" height="340" rx="12" fill="#fff" opacity=".22"/>`,
  (fill) => `<circle cx="400" cy="420" r="190" fill="${fill}"/><ellipse cx="340" cy="350" rx="70" ry="45" fill="#fff" opacity=".25"/>`,
  (fill) => `<rect x="330" y="160" width="140" height="80" rx="18" fill="${fill}" opacity=".8"/><rect x="270" y="230" width="260" height="390" rx="90" fill="${fill}"/><rect x="305" y="290" width="36" height="260" rx="18" fill="#fff" opacity=".22"/>`,
  (fill) => `<path d="M400 170 L610 400 L400 630 L190 400 Z" fill="${fill}"/><path d="M400 170 L610 400 L400 400 Z" fill="#fff" opacity=".18"/>`,
  (fill) => `<path d="M220 620 V360 A180 180 0 0 1 580 360 V620 Z" fill="${fill}"/><rect x="260" y="380" width="280" height="30" rx="15" fill="#fff" opacity=".2"/>`,
];

/**
 * A placeholder product photo for "<productId>-<n>[_<category>].svg": a soft gradient backdrop, a few blurred blobs and the
 * category's drawing (a T-shirt, a tent, a camera…; an abstract shape for an unknown or absent category). The palette comes
 * from the product id (so a product's images belong together), the composition from the whole name.
 * Returns null for names that are not of that form.
 */
export function productSvg(fileName: string): string | null {
  const match = FILE_NAME.exec(fileName);
  if (!match) return null;
  const product = match[1] as string;
  const hue = round(draw(`${product}:hue`, 0, 360));
  const accent = (hue + round(draw(`${product}:accent`, 25, 70))) % 360;
  const angle = draw(`${fileName}:angle`, 0, Math.PI * 2);
  const [x1, y1] = [round(50 + 50 * Math.cos(angle)), round(50 + 50 * Math.sin(angle))];
  const shape = PRODUCT_SHAPES[match[3] ?? ""] ?? (SHAPES[hash(`${fileName}:shape`) % SHAPES.length] as (fill: string) => string);
  const blobs = [0, 1, 2].map((i) => ({
    cx: round(draw(`${fileName}:bx${i}`, 0, 800)),
    cy: round(draw(`${fileName}:by${i}`, 0, 800)),
    r: round(draw(`${fileName}:br${i}`, 140, 320)),
    hue: i % 2 ? accent : hue,
  }));
  // Radial gradients rather than blur filters: the browser paints dozens of these per page.
  const blobGradients = blobs
    .map((b, i) => `<radialGradient id="b${i}"><stop offset="0" stop-color="hsl(${b.hue},75%,72%)" stop-opacity=".55"/><stop offset="1" stop-color="hsl(${b.hue},75%,72%)" stop-opacity="0"/></radialGradient>`)
    .join("");
  const blobCircles = blobs.map((b, i) => `<circle cx="${b.cx}" cy="${b.cy}" r="${b.r}" fill="url(#b${i})"/>`).join("");

  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
<defs>
<linearGradient id="bg" x1="${x1}%" y1="${y1}%" x2="${100 - x1}%" y2="${100 - y1}%"><stop offset="0" stop-color="hsl(${hue},70%,93%)"/><stop offset="1" stop-color="hsl(${accent},60%,80%)"/></linearGradient>
<linearGradient id="obj" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,58%)"/><stop offset="1" stop-color="hsl(${accent},60%,38%)"/></linearGradient>
<radialGradient id="shadow"><stop offset="0" stop-color="hsl(${hue},40%,20%)" stop-opacity=".28"/><stop offset="1" stop-color="hsl(${hue},40%,20%)" stop-opacity="0"/></radialGradient>
${blobGradients}
</defs>
<rect width="800" height="800" fill="url(#bg)"/>
${blobCircles}
<ellipse cx="400" cy="640" rx="240" ry="34" fill="url(#shadow)"/>
${shape("url(#obj)")}
</svg>`;
}
