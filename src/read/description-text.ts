/**
 * A description's text as a reader of the CRD sees it (`kubectl explain`, API reference
 * generators): plain text, with no JSDoc or HTML markup to decode by eye.
 *
 *   in:  "See {@link Spec | the spec} &amp; more.   \nNext line"
 *   out: "See the spec & more.\nNext line"
 */

/** `{@link Target}`, `{@link Target | text}`, `{@link Target text}` and the `linkcode`/`linkplain` forms. */
const INLINE_LINK = /\{@link(?:code|plain)?\s+([^\s|}]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g;

const URL_TARGET = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Inline links as a reader of the CRD sees them: the text, or the target; a URL stays beside its text. */
export function renderLinks(text: string): string {
  return text.replace(INLINE_LINK, (_, target: string, label: string) => {
    // Spaces in a row are one: a link's text may run over several lines of the comment.
    const shown = label.trim().replace(/\s+/g, " ");
    if (shown === "") return target;
    return URL_TARGET.test(target) ? `${shown} (${target})` : shown;
  });
}

/**
 * Whether `text` may hold something `readable` changes. Most descriptions hold none of it, and
 * are then returned as they are after these few searches.
 */
export function mayNeedReading(text: string): boolean {
  return text.includes("{@link") || text.includes("&") || LINE_END_SPACE.test(text);
}

const LINE_END_SPACE = /[ \t]\r?\n/;

/**
 * Documentation text (a description, or a tag's text added to one) as the CRD shows it: inline
 * links read as their text, HTML character references (`&lt;`, `&#39;`) as their characters outside
 * code, and no spaces at line ends (as controller-gen reads Go comments; they would also make the
 * YAML quote the text).
 */
export function readable(text: string): string {
  let out = text;
  if (LINE_END_SPACE.test(out)) out = out.replace(/[ \t]+(?=\r?\n)/g, "");
  if (out.includes("{@link")) out = renderLinks(out);
  if (out.includes("&")) out = decodeEntities(out);
  return out;
}

/** The character references a doc comment uses to keep `<`, `>` and `&` from being read as markup. */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]+));/g;

/**
 * Code as Markdown marks it, where a reference is its own text: a fenced block, a code span, and
 * a line indented four spaces or a tab (an indented block, or a block nested in a list).
 */
const CODE = /```[\s\S]*?(?:```|(?![\s\S]))|`[^`\n]*`|^(?: {4}|\t).*$/gm;

function decodeEntities(text: string): string {
  let out = "";
  let from = 0;
  for (const code of text.matchAll(CODE)) {
    out += decodeIn(text.slice(from, code.index)) + code[0];
    from = code.index + code[0].length;
  }
  return out + decodeIn(text.slice(from));
}

function decodeIn(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (ref: string, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? ref;
    const point = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    // A reference to no character (0, a surrogate half, beyond Unicode) stays as written.
    const valid = point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff);
    return valid ? String.fromCodePoint(point) : ref;
  });
}

/**
 * The comment `text.slice(pos, end)` as crdgen parses it, when it has `{@link` tags TypeScript's
 * parser would read otherwise than written (`undefined` when it has none):
 *
 * - a link over several lines, with its `}`, on one line: the parser ends a link's text at the
 *   line break and reads the rest (`* over lines}`) as plain text. Each line break and the margin
 *   after it (`\n   * `) become spaces, one for one, so that every name stays at its position in
 *   the file (the parser's nodes read their text there); `renderLinks` makes those spaces one.
 * - a link with no `}` before the comment's next tag line or its end (`unclosed`, their
 *   positions in `text`): the parser reads the line after it into the link (`{@link Spec` then
 *   `* @default "x"` gives a link whose text is `* @default "x"`, and no `@default`), or that
 *   line's `*` into the description. Such a link is closed at its line's end, as the author
 *   meant: a line starting with `@` is a tag to anyone reading the comment, and to TypeScript
 *   too once the link is closed; its tags shape the CRD, so reading them is what keeps the CRD
 *   the one written (the caller warns of the missing `}`). The `}` takes the place of a space
 *   at that line's end or of one at the start of the next (its indentation), so that every
 *   tag stays at its position; with no such space the comment is read as TypeScript reads it.
 */
export function readLinks(text: string, pos: number, end: number): LinkReading | undefined {
  // Searched within the comment only: most comments read here have no link, and the file goes on.
  const comment = text.slice(pos, end);
  let joined: string | undefined;
  let unclosed: number[] | undefined;
  for (let at = comment.indexOf("{@link"); at !== -1; at = comment.indexOf("{@link", at + 1)) {
    if (!LINK_START.test(comment.slice(at, at + 12))) continue;
    const close = comment.indexOf("}", at);
    const inner = close === -1 ? comment.slice(at) : comment.slice(at, close);
    // A line starting with a tag is no link's text: that `{@link` has no `}` of its own.
    const tagLine = TAG_LINE.exec(inner);
    if (close === -1 || tagLine) {
      (unclosed ??= []).push(pos + at);
      const closed = closedAtLineEnd(joined ?? text, pos + at, end);
      if (closed !== undefined) joined = closed;
      continue;
    }
    if (!inner.includes("\n")) continue;
    const oneLine = inner.replace(/\r?\n[ \t]*(?:\*(?!\/))?/g, (br) => " ".repeat(br.length));
    const source = joined ?? text;
    joined = source.slice(0, pos + at) + oneLine + source.slice(pos + close);
  }
  return joined === undefined && unclosed === undefined
    ? undefined
    : { text: joined ?? text, unclosed: unclosed ?? [] };
}

export interface LinkReading {
  /** The source to parse the comment from: the file's text, with the comment rewritten. */
  text: string;
  /** Where each `{@link` with no `}` of its own starts. */
  unclosed: number[];
}

/** `{@link`, `{@linkcode` or `{@linkplain`, as TypeScript's parser reads the start of a link. */
const LINK_START = /^\{@link(?:code|plain)?(?![\w$])/;

const TAG_LINE = /\n[ \t]*(?:\*[ \t]*)?@/;

/**
 * `text` with a `}` at the end of the line of the link at `at` (before the comment's `*\/` on
 * its last line), in place of a space there or at the start of the next line; `undefined` when
 * there is no such space.
 */
function closedAtLineEnd(text: string, at: number, end: number): string | undefined {
  let lineEnd = text.indexOf("\n", at);
  if (lineEnd === -1 || lineEnd >= end) lineEnd = end - 2;
  else if (text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
  if (isBlank(text.charCodeAt(lineEnd - 1)) && lineEnd - 1 > at)
    return `${text.slice(0, lineEnd - 1)}}${text.slice(lineEnd)}`;
  if (lineEnd === end - 2) return undefined;
  const next = text.indexOf("\n", lineEnd) + 1;
  if (next >= end - 2 || !isBlank(text.charCodeAt(next))) return undefined;
  return `${text.slice(0, lineEnd)}}${text.slice(lineEnd, next)}${text.slice(next + 1)}`;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
