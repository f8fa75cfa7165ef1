// One drawing per seeded leaf category, on the 800×800 canvas, standing on the shadow at y≈640. `fill` is the
// object's gradient; white strokes at low opacity give each drawing the detail that says what it is.
type Draw = (fill: string) => string;

const hi = (d: string, width = 10) => `<path d="${d}" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;

const book: Draw = (f) =>
  `<rect x="250" y="170" width="310" height="450" rx="14" fill="${f}"/><rect x="250" y="170" width="46" height="450" rx="10" fill="#000" opacity=".18"/>${hi("M340 260 H500 M340 300 H470")}<rect x="548" y="186" width="22" height="420" rx="6" fill="#fff" opacity=".7"/>`;

export const PRODUCT_SHAPES: Record<string, Draw> = {
  "t-shirts-tops": (f) => `<path d="M310 190 L220 230 L160 340 L235 375 L265 320 V620 H535 V320 L565 375 L640 340 L580 230 L490 190 Q400 250 310 190 Z" fill="${f}"/>${hi("M330 200 Q400 245 470 200")}`,
  "jackets-coats": (f) =>
    `<path d="M320 170 L220 215 L175 420 L200 600 H255 L265 330 V630 H535 V330 L545 600 H600 L625 420 L580 215 L480 170 L400 260 Z" fill="${f}"/>${hi("M400 260 V620")}${hi("M320 170 L370 300 M480 170 L430 300", 8)}<circle cx="370" cy="380" r="9" fill="#fff" opacity=".5"/><circle cx="370" cy="460" r="9" fill="#fff" opacity=".5"/>`,
  "trousers-jeans": (f) => `<path d="M285 170 H515 L545 630 H430 L400 330 L370 630 H255 Z" fill="${f}"/>${hi("M285 215 H515")}${hi("M330 215 Q340 270 300 285 M470 215 Q460 270 500 285", 7)}`,
  shoes: (f) => `<path d="M170 560 Q165 470 230 455 L330 440 Q380 380 420 330 L500 345 Q520 430 600 470 Q650 490 640 560 Q640 600 600 600 H200 Q170 600 170 560 Z" fill="${f}"/><rect x="170" y="575" width="470" height="28" rx="14" fill="#fff" opacity=".55"/>${hi("M380 400 L440 420 M360 430 L425 450", 8)}`,
  "headphones-audio": (f) =>
    `<path d="M230 450 V390 A170 170 0 0 1 570 390 V450" fill="none" stroke="${f}" stroke-width="38" stroke-linecap="round"/><rect x="190" y="410" width="110" height="190" rx="46" fill="${f}"/><rect x="500" y="410" width="110" height="190" rx="46" fill="${f}"/>${hi("M225 450 V560 M535 450 V560", 9)}`,
  "phones-tablets": (f) => `<rect x="285" y="150" width="230" height="470" rx="38" fill="${f}"/><rect x="303" y="190" width="194" height="380" rx="14" fill="#fff" opacity=".3"/><rect x="370" y="168" width="60" height="8" rx="4" fill="#fff" opacity=".5"/>`,
  laptops: (f) => `<rect x="220" y="230" width="360" height="250" rx="18" fill="${f}"/><rect x="242" y="252" width="316" height="206" rx="8" fill="#fff" opacity=".3"/><path d="M170 500 H630 L600 560 H200 Z" fill="${f}"/><rect x="360" y="508" width="80" height="10" rx="5" fill="#fff" opacity=".45"/>`,
  cameras: (f) =>
    `<rect x="200" y="300" width="400" height="280" rx="36" fill="${f}"/><path d="M300 300 L330 240 H450 L480 300 Z" fill="${f}"/><circle cx="400" cy="440" r="105" fill="#fff" opacity=".35"/><circle cx="400" cy="440" r="70" fill="${f}"/><circle cx="375" cy="415" r="18" fill="#fff" opacity=".5"/><rect x="520" y="330" width="45" height="22" rx="8" fill="#fff" opacity=".5"/>`,
  cookware: (f) => `<ellipse cx="360" cy="470" rx="190" ry="95" fill="${f}"/><ellipse cx="360" cy="455" rx="160" ry="70" fill="#000" opacity=".15"/><rect x="530" y="440" width="230" height="40" rx="20" fill="${f}"/>`,
  bedding: (f) => `<rect x="200" y="440" width="400" height="170" rx="30" fill="${f}"/>${hi("M200 500 H600 M200 555 H600", 8)}<path d="M250 440 Q240 330 290 320 H510 Q560 330 550 440 Z" fill="${f}" opacity=".85"/><path d="M290 345 Q400 375 510 345" fill="none" stroke="#fff" stroke-opacity=".4" stroke-width="8"/>`,
  "small-appliances": (f) => `<path d="M280 620 L300 330 Q300 260 400 250 Q500 260 500 330 L520 620 Z" fill="${f}"/><path d="M500 330 Q600 340 590 450 Q585 520 515 540" fill="none" stroke="${f}" stroke-width="34" stroke-linecap="round"/><path d="M300 330 L230 290" stroke="${f}" stroke-width="30" stroke-linecap="round"/><rect x="360" y="220" width="80" height="34" rx="14" fill="${f}"/>${hi("M330 360 V580", 12)}`,
  tableware: (f) => `<ellipse cx="330" cy="560" rx="210" ry="60" fill="${f}" opacity=".85"/><ellipse cx="330" cy="552" rx="130" ry="32" fill="#fff" opacity=".3"/><path d="M450 330 H620 V500 Q620 560 560 560 H510 Q450 560 450 500 Z" fill="${f}"/><path d="M620 370 Q690 380 680 440 Q672 480 620 480" fill="none" stroke="${f}" stroke-width="24"/>`,
  "camping-hiking": (f) => `<path d="M400 190 L640 610 H160 Z" fill="${f}"/><path d="M400 370 L470 610 H330 Z" fill="#000" opacity=".25"/>${hi("M400 190 V370")}<path d="M400 190 L380 150 M400 190 L420 150" stroke="${f}" stroke-width="12" stroke-linecap="round"/>`,
  fitness: (f) => `<rect x="260" y="420" width="280" height="40" rx="16" fill="${f}"/><rect x="170" y="330" width="70" height="220" rx="22" fill="${f}"/><rect x="235" y="360" width="45" height="160" rx="16" fill="${f}"/><rect x="560" y="330" width="70" height="220" rx="22" fill="${f}"/><rect x="520" y="360" width="45" height="160" rx="16" fill="${f}"/>`,
  cycling: (f) =>
    `<g fill="none" stroke="${f}" stroke-linecap="round" stroke-linejoin="round"><circle cx="240" cy="500" r="115" stroke-width="22"/><circle cx="560" cy="500" r="115" stroke-width="22"/><path d="M240 500 L340 330 H520 L560 500 M340 330 L400 500 L520 330 M400 500 H240" stroke-width="22"/><path d="M310 300 H380 M500 290 L520 330 L560 300" stroke-width="22"/></g>`,
  skincare: (f) => `<rect x="310" y="330" width="180" height="290" rx="40" fill="${f}"/><rect x="365" y="250" width="70" height="85" rx="10" fill="${f}"/><path d="M400 250 V200 H480" fill="none" stroke="${f}" stroke-width="26" stroke-linecap="round"/><rect x="335" y="420" width="130" height="110" rx="12" fill="#fff" opacity=".35"/>`,
  haircare: (f) => `<path d="M320 620 V300 Q320 250 370 250 H430 Q480 250 480 300 V620 Z" fill="${f}"/><rect x="350" y="180" width="100" height="75" rx="18" fill="${f}"/><rect x="342" y="360" width="116" height="150" rx="12" fill="#fff" opacity=".35"/>`,
  fragrance: (f) => `<rect x="260" y="330" width="280" height="280" rx="50" fill="${f}"/><rect x="365" y="270" width="70" height="65" rx="8" fill="#fff" opacity=".6"/><rect x="330" y="200" width="140" height="80" rx="18" fill="${f}"/><ellipse cx="340" cy="420" rx="30" ry="60" fill="#fff" opacity=".3"/>`,
  makeup: (f) => `<rect x="330" y="400" width="140" height="220" rx="18" fill="${f}"/><rect x="345" y="340" width="110" height="70" rx="8" fill="#fff" opacity=".55"/><path d="M360 345 V240 L440 190 V345 Z" fill="${f}"/>`,
  fiction: book,
  cookbooks: book,
  "childrens-books": book,
  "science-history": book,
};
