/** Characters the block-YAML reader looks at, by code unit, and the escapes of double quotes. */

export const TAB = 9;
export const NL = 10;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const SQUOTE = 39;
export const PLUS = 43;
export const COMMA = 44;
export const DASH = 45;
export const COLON = 58;
export const QUESTION = 63;
export const GT = 62;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;

/** Characters that cannot start a plain scalar (`-`, `?` and `:` can when a non-space follows). */
export const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

/** Characters that open, close or separate flow collections. */
export const FLOW_INDICATORS = new Set([..."[]{},"].map((c) => c.charCodeAt(0)));

/** First characters of plain scalars YAML 1.1 may read differently (see yaml11.ts). */
export const MAY_DIFFER = new Set([..."0123456789+-.yYnNoO<"].map((c) => c.charCodeAt(0)));

/** Double-quoted escapes with a fixed meaning (YAML 1.2, section 5.7), by the character after `\`. */
export const ESCAPES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    "0": "\0",
    a: "\x07",
    b: "\b",
    t: "\t",
    "\t": "\t",
    n: "\n",
    v: "\v",
    f: "\f",
    r: "\r",
    e: "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    N: "\u0085",
    _: "\u00a0",
    L: "\u2028",
    P: "\u2029",
  }).map(([k, v]) => [k.charCodeAt(0), v]),
);
/** `\x`, `\u` and `\U`: how many hex digits follow. */
export const HEX_ESCAPE_DIGITS: ReadonlyMap<number, number> = new Map([
  ["x".charCodeAt(0), 2],
  ["u".charCodeAt(0), 4],
  ["U".charCodeAt(0), 8],
]);

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** A separator after `:` or `-`: a blank, the line's end or the text's end (NaN). */
export function isSeparator(c: number): boolean {
  return c === SPACE || c === TAB || c === NL || Number.isNaN(c);
}
