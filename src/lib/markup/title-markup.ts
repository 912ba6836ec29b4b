import { decodeEntities } from './entities.ts';

/** API titles carry a little markup (`<b>`). Only inline emphasis survives; everything else is shown as text. */
export interface TitleSegment {
  text: string;
  bold: boolean;
  italic: boolean;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\s*>/g;
const STYLE: Record<string, 'bold' | 'italic'> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
};
/** Splits markup into styled text segments. Tags with attributes or of other kinds stay literal text. */
export function parseTitleMarkup(markup: string): TitleSegment[] {
  const segments: TitleSegment[] = [];
  const depth = { bold: 0, italic: 0 };
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const bold = depth.bold > 0;
    const italic = depth.italic > 0;
    const last = segments[segments.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else segments.push({ text, bold, italic });
  };
  let index = 0;
  for (const match of markup.matchAll(TAG)) {
    const [tag, closing, rawName] = match as unknown as [string, string, string];
    const style = STYLE[rawName.toLowerCase()];
    push(markup.slice(index, match.index));
    index = (match.index ?? 0) + tag.length;
    if (!style) {
      push(tag);
    } else if (closing) {
      if (depth[style] > 0) depth[style]--;
      else push(tag);
    } else {
      depth[style]++;
    }
  }
  push(markup.slice(index));
  return segments;
}

/** The title as plain text, for labels and the document title. */
export const titleText = (markup: string) =>
  parseTitleMarkup(markup)
    .map((segment) => segment.text)
    .join('');
