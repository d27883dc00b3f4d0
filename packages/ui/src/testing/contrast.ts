type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba {
  const parts = value.match(/[\d.]+/g)?.map(Number) ?? [];
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, value.startsWith("rgba") ? a : 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function over(top: Rgba, bottom: Rgba, alpha = top[3]): Rgba {
  const mix = (i: 0 | 1 | 2) => top[i] * alpha + bottom[i] * (1 - alpha);
  return [mix(0), mix(1), mix(2), 1];
}

/** The first painted background behind `element` (white at the top). */
function backgroundBehind(element: Element): Rgba {
  let layers: Rgba[] = [];
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const colour = parseColor(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  layers = layers.reverse();
  return layers.reduce<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** Every ancestor's opacity multiplied: what the eye gets of the text. */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  return opacity;
}

/**
 * The WCAG contrast ratio of `element`'s text against what is painted behind it, with
 * opacity taken into account (as the eye sees it, and as axe computes it).
 */
export function contrastRatio(element: Element): number {
  const background = backgroundBehind(element);
  const text = over(parseColor(getComputedStyle(element).color), background);
  const seen = over(text, background, opacityOf(element));
  const [light, dark] = [luminance(seen), luminance(background)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
