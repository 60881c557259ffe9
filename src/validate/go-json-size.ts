/**
 * The size in bytes of a JSON value as Go's `encoding/json` writes it (compact, HTML-safe): what
 * kubectl writes into an object's last-applied-configuration annotation. Counted, not built.
 */

/**
 * Bytes of `value` encoded by Go's `json.Marshal`: compact; `<`, `>`, `&`, U+2028 and U+2029
 * escaped (`\u003c`, `\u2028`...) as well as quotes, backslashes and control characters; other
 * text as UTF-8. Counting stops soon after the total passes `stopAbove` (the result is then above
 * it, but not the full size), so asking whether a huge value fits under a limit costs about the
 * limit, not the value.
 */
export function goJsonSize(value: unknown, stopAbove = Infinity, memo?: WeakMap<object, number>): number {
  const counter: Counter = { size: 0, stopAbove, memo };
  count(value, counter);
  return counter.size;
}

interface Counter {
  size: number;
  readonly stopAbove: number;
  /** Sizes of objects counted in full, by a session's earlier runs (validate/memo.ts). */
  readonly memo: WeakMap<object, number> | undefined;
}

function count(value: unknown, c: Counter): void {
  switch (typeof value) {
    case "string":
      c.size += goStringSize(value);
      return;
    case "number":
      // Go's float formatting switches to exponents at the same magnitudes as JavaScript's.
      c.size += String(value).length;
      return;
    case "boolean":
      c.size += value ? 4 : 5;
      return;
    case "object":
      if (value === null) c.size += 4;
      else if (Array.isArray(value)) countArray(value, c);
      else if (c.memo === undefined) countObject(value as Record<string, unknown>, c);
      else countObjectOnce(value as Record<string, unknown>, c, c.memo);
      return;
    default:
      // undefined (and anything else JSON cannot hold) encodes as null inside an array.
      c.size += 4;
  }
}

function countArray(items: readonly unknown[], c: Counter): void {
  c.size += items.length > 0 ? items.length + 1 : 2; // brackets and commas
  for (let i = 0; i < items.length && c.size <= c.stopAbove; i++) count(items[i], c);
}

const MEMO_MIN_BYTES = 512;

/** An object's size from the memo, or counted and kept when counting did not stop inside it. */
function countObjectOnce(object: Record<string, unknown>, c: Counter, memo: WeakMap<object, number>): void {
  const known = memo.get(object);
  if (known !== undefined) {
    c.size += known;
    return;
  }
  const before = c.size;
  countObject(object, c);
  // Counting stops only once the total is past stopAbove: a total within it counted everything.
  // Small objects (most of a schema's nodes) are cheaper to count again than to keep.
  if (c.size <= c.stopAbove && c.size - before >= MEMO_MIN_BYTES) memo.set(object, c.size - before);
}

function countObject(object: Record<string, unknown>, c: Counter): void {
  // Object.keys and an indexed loop: about twice as fast as for-in on decoded YAML.
  const keys = Object.keys(object);
  let members = 0;
  for (let i = 0; i < keys.length && c.size <= c.stopAbove; i++) {
    const key = keys[i]!;
    const item = object[key];
    if (item === undefined) continue; // as JSON.stringify: an absent member
    members++;
    c.size += goStringSize(key) + 1; // "key":
    count(item, c);
  }
  c.size += members > 0 ? members + 1 : 2; // braces and commas
}

/** Printable ASCII that JSON writes as it is (no quote, backslash, <, > or &). */
const PLAIN = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;

/** Characters that take more bytes than they have UTF-8 bytes: escapes. */
const ESCAPED = /[\u0000-\u001f"\\<>&\u2028\u2029]/g;

/**
 * Bytes of a JSON string literal, quotes included: the UTF-8 bytes (a lone surrogate reaches Go as
 * U+FFFD, three bytes, as Node writes it), plus what escapes add. Most strings are printable ASCII
 * that needs no escape: one test of the whole string counts them.
 */
export function goStringSize(s: string): number {
  if (PLAIN.test(s)) return s.length + 2;
  return Buffer.byteLength(s) + 2 + escapeBytes(s);
}

/**
 * What escaping adds to the UTF-8 length: found by the regular expression, not a loop over every
 * character. `test` moves `lastIndex` past each one-character match without making the match
 * array `exec` makes (a description's every line break: 13 MB on the corpus).
 */
function escapeBytes(s: string): number {
  let extra = 0;
  ESCAPED.lastIndex = 0;
  while (ESCAPED.test(s)) {
    const ch = s.charCodeAt(ESCAPED.lastIndex - 1);
    // \n or \u0001; \" and \\; \u003c \u003e \u0026; else \u2028 or \u2029, for three bytes of UTF-8.
    if (ch < 0x20) extra += SHORT_ESCAPES.has(ch) ? 1 : 5;
    else if (ch === 0x22 || ch === 0x5c) extra += 1;
    else if (ch === 0x3c || ch === 0x3e || ch === 0x26) extra += 5;
    else extra += 3;
  }
  return extra;
}

/** \b \t \n \f \r: Go (1.22+) writes these as two characters, other control characters as \u00XX. */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);
