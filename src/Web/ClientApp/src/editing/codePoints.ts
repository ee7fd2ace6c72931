// The server and the OT type count text in Unicode code points; the DOM counts UTF-16 units. An emoji
// outside the Basic Multilingual Plane is one code point and two units, so every offset crossing that
// boundary is converted here.

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code points before UTF-16 offset `offset` of `s` (an offset inside a pair counts the pair as before). */
export function toCodePoints(s: string, offset: number = s.length): number {
  let points = 0;
  for (let i = 0; i < offset && i < s.length; i++) {
    if (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    points++;
  }
  return points;
}

/** The UTF-16 offset of code point `points` of `s` (clamped to the end). */
export function toUtf16(s: string, points: number): number {
  let i = 0;
  for (; points > 0 && i < s.length; points--) {
    i += isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Moves a UTF-16 offset off the middle of a surrogate pair (to the pair's start). */
export function atBoundary(s: string, offset: number): number {
  return offset > 0 && offset < s.length && isLow(s.charCodeAt(offset)) && isHigh(s.charCodeAt(offset - 1))
    ? offset - 1
    : offset;
}
