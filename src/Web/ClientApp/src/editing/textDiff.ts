// Turns what a text area did (its value before and after one input event) into one text-unicode op.
// An input event changes one contiguous range (typing, deleting, pasting over a selection), so the common
// prefix and suffix find it exactly; for anything else the op is still correct, only coarser.

import { type TextOp, type as textType } from "ot-text-unicode";
import { atBoundary, toCodePoints } from "./codePoints";

export function opFromChange(before: string, after: string): TextOp {
  if (before === after) return [];
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  start = atBoundary(before, start);

  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a pair at the end of the changed range either.
  if (endBefore < before.length && atBoundary(before, endBefore) !== endBefore) {
    endBefore++;
    endAfter++;
  }

  const op: TextOp = [];
  const skip = toCodePoints(before, start);
  if (skip > 0) op.push(skip);
  const removed = before.slice(start, endBefore);
  if (removed.length > 0) op.push({ d: toCodePoints(removed) });
  const inserted = after.slice(start, endAfter);
  if (inserted.length > 0) op.push(inserted);
  return textType.normalize(op);
}
