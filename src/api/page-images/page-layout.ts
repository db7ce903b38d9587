// Where a quote is on a rendered page. The renderer keeps each text item's words and box (as fractions
// of the page, top-left origin); a quote from the page's clean text is found among them with
// whitespace and case ignored — clean text and the PDF's text runs differ in spacing, line breaks and
// hyphenation, never in the letters — and comes back as one box per text item it covers, trimmed to
// the part it covers.
//   items: "Straight leg raise is positive" | "for low back pain on the left."
//   quote: "positive for low back pain"  →  two boxes: the end of the first item, the start of the second
export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageTextItem extends TextBox {
  text: string;
}

export interface PageLayout {
  /** the rendered image's size in pixels */
  width: number;
  height: number;
  items: PageTextItem[];
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** boxes covering `quote` on the page (the first place it occurs at or after `hint` of the squeezed text); [] when it is not there */
export function quoteBoxes(layout: Pick<PageLayout, 'items'>, quote: string, hint = 0): TextBox[] {
  const needle = squeeze(quote);
  if (!needle) return [];
  // the squeezed page text, and for each of its characters the item it came from
  const owner: number[] = [];
  const offsetInItem: number[] = [];
  let hay = '';
  layout.items.forEach((item, i) => {
    const s = squeeze(item.text);
    for (let k = 0; k < s.length; k++) {
      owner.push(i);
      offsetInItem.push(k);
    }
    hay += s;
  });
  let at = hay.indexOf(needle, Math.max(0, Math.min(hint, hay.length)));
  if (at < 0) at = hay.indexOf(needle);
  if (at < 0) return [];
  const spans = new Map<number, { from: number; to: number }>();
  for (let c = at; c < at + needle.length; c++) {
    const i = owner[c] as number;
    const span = spans.get(i) ?? { from: offsetInItem[c] as number, to: offsetInItem[c] as number };
    span.to = offsetInItem[c] as number;
    spans.set(i, span);
  }
  const boxes: TextBox[] = [];
  for (const [i, span] of spans) {
    const item = layout.items[i] as PageTextItem;
    const len = Math.max(1, squeeze(item.text).length);
    const x = item.x + (item.w * span.from) / len;
    const w = (item.w * (span.to + 1 - span.from)) / len;
    boxes.push({ x, y: item.y, w, h: item.h });
  }
  return mergeLines(boxes);
}

/** boxes on one line that touch become one (a quote over three items of a line: one mark) */
function mergeLines(boxes: TextBox[]): TextBox[] {
  const out: TextBox[] = [];
  for (const b of boxes) {
    const last = out.at(-1);
    if (last && Math.abs(last.y - b.y) < b.h * 0.3 && b.x <= last.x + last.w + b.h * 0.8 && b.x >= last.x) {
      const right = Math.max(last.x + last.w, b.x + b.w);
      last.w = right - last.x;
      last.h = Math.max(last.h, b.h);
    } else out.push({ ...b });
  }
  return out;
}
