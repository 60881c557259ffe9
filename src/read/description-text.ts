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
 * `{@link` tags that run over several lines of the comment `text.slice(pos, end)`, on one line
 * each: TypeScript's parser ends a link's text at the line break and reads the rest (`* over
 * lines}`) as plain text. Each line break and the margin after it (`\n   * `) become spaces, one
 * for one, so that every name stays at its position in the file (the parser's nodes read their
 * text there); `renderLinks` makes those spaces one. `undefined` when no link spans lines.
 */
export function joinedSplitLinks(text: string, pos: number, end: number): string | undefined {
  // Searched within the comment only: most comments read here have no link, and the file goes on.
  const comment = text.slice(pos, end);
  let joined: string | undefined;
  for (let at = comment.indexOf("{@link"); at !== -1; at = comment.indexOf("{@link", at + 1)) {
    const close = comment.indexOf("}", at);
    if (close === -1) break;
    const inner = comment.slice(at, close);
    // A line starting with a tag is no link's text: that `{@link` has no `}` of its own.
    if (!inner.includes("\n") || /\n[ \t]*(?:\*[ \t]*)?@/.test(inner)) continue;
    const oneLine = inner.replace(/\r?\n[ \t]*(?:\*(?!\/))?/g, (br) => " ".repeat(br.length));
    const source = joined ?? text;
    joined = source.slice(0, pos + at) + oneLine + source.slice(pos + close);
  }
  return joined;
}
