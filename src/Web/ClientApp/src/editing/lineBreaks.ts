// A text area cannot hold a carriage return: setting its value turns "\r\n" and a lone "\r" into "\n". The
// server's text may hold them (a script or the panel simulator can send them), so a field keeps the text as
// the server has it and shows it as the text area has it; these map offsets and changes between the two.
// Text without "\r" (everything typed in a browser) maps to itself at no cost.

import { type TextOp, type as textType } from "ot-text-unicode";
import { toCodePoints, toUtf16 } from "./codePoints";
import { opFromChange } from "./textDiff";

/** The text as a text area holds it. */
export function shown(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** The code-point position in the shown text of code point `position` of `text`. */
function toShown(text: string, position: number): number {
  if (!text.includes("\r")) return position;
  let points = 0;
  let dropped = 0;
  for (let i = 0; i < text.length && points < position; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) dropped++;
    else if (isPair(text, i)) i++;
    points++;
  }
  return position - dropped;
}

/**
 * The code-point position in `text` of position `position` of the shown text. A position before the "\n" of
 * a "\r\n" maps to before its "\r", so that what is typed there, or deleted from there, takes the pair whole.
 */
function fromShown(text: string, position: number): number {
  if (!text.includes("\r")) return position;
  let points = 0;
  let shownPoints = 0;
  for (let i = 0; i < text.length && shownPoints < position; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
      i++;
      points += 2;
    } else {
      if (isPair(text, i)) i++;
      points++;
    }
    shownPoints++;
  }
  return points;
}

/** Code point of `text` at UTF-16 offset `offset` of the text area showing it. */
export function pointAt(text: string, offset: number): number {
  return fromShown(text, toCodePoints(shown(text), offset));
}

/** UTF-16 offset in the text area showing `text` of its code point `position`. */
export function offsetOf(text: string, position: number): number {
  return toUtf16(shown(text), toShown(text, position));
}

/** The op on `text` that makes the change the person made in the text area, from showing `text` to `after`. */
export function opFromShownChange(text: string, after: string): TextOp {
  if (!text.includes("\r")) return opFromChange(text, after);
  // One contiguous change, [skip, {d}, insert], in shown positions: its two ends map to the server's text.
  let skip = 0;
  let removed = 0;
  let inserted = "";
  for (const c of opFromChange(shown(text), after)) {
    if (typeof c === "number") skip = c;
    else if (typeof c === "string") inserted = c;
    else removed = typeof c.d === "number" ? c.d : [...c.d].length;
  }
  const start = fromShown(text, skip);
  const end = fromShown(text, skip + removed);
  return textType.normalize([start, { d: end - start }, inserted]);
}

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}
