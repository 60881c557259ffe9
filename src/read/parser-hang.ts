/**
 * TypeScript 5.9 and 6.0 never return from parsing the JSDoc of some comments that end in a
 * dash right before `*\/` (`/** @see a-*\/`). Parsing a file for type errors parses the JSDoc
 * of every comment that mentions `@see` or `@link`, so such a comment makes `tsc --noEmit`
 * hang, and crdgen with it. crdgen finds these comments first, parses the file with a space in
 * place of the dash (same length, so every position stays), and reports each one as an error
 * naming its line and column, with the one-character fix.
 *
 * Which comments hang was mapped by parsing generated ones with a time limit (see the test).
 * The check errs on the side of reporting: a few comments TypeScript does parse (an `@`
 * inside the word after some tags) are reported too, and a space fixes those as well.
 */

/** TypeScript parses a doc comment's JSDoc for type errors when it mentions these. */
const SEE_OR_LINK = /@(?:see|link)/i;

/** Positions of the dashes that end such comments (before `*\/`), in order. */
export function hangingDocCommentDashes(text: string): number[] {
  const dashes: number[] = [];
  for (let end = text.indexOf("-*/"); end !== -1; end = text.indexOf("-*/", end + 3)) {
    const start = text.lastIndexOf("/**", end);
    if (start === -1 || start + 3 > end) continue;
    const comment = text.slice(start, end + 3);
    // The comment opened at `start` must be the one `-*/` closes, and be a doc comment.
    if (comment.startsWith("/**/") || comment.indexOf("*/", 3) !== comment.length - 2) continue;
    if (SEE_OR_LINK.test(comment) && endsInOneWordTag(comment.slice(3, -3))) dashes.push(end);
  }
  return dashes;
}

/**
 * Whether a comment's text (without `/**` and the final `-*\/`) ends in a block tag's name
 * (`@see`, then the dash) or in a block tag and one word (`@see a`, `@x\n * a-b`). Only those
 * hang: `@see x a-*\/`, `{@link A} a-*\/` and `@see --*\/` do not.
 */
function endsInOneWordTag(body: string): boolean {
  const tag = LAST_BLOCK_TAG.exec(body);
  if (!tag) return false;
  const rest = body.slice(tag.index + tag[0].length);
  return rest === "" ? tag[0].length > 1 : ONE_WORD.test(rest);
}

/** The last `@name` that starts a block tag: first in the text, or after whitespace or a `*`. */
const LAST_BLOCK_TAG = /(?<=^|[\s*])@(?:[A-Za-z][\w-]*)?(?![\s\S]*(?<=^|[\s*])@)/;

/** Blanks and line breaks (a line's leading `*` included), then one word that starts like a name. */
const ONE_WORD = /^(?:[ \t]|\r?\n[ \t]*\*?)+[^\s*{}@-][^\s*]*$/;

/** `text` with a space for each dash: TypeScript parses it, and every position is unchanged. */
export function withoutHangingDashes(text: string, dashes: readonly number[]): string {
  let out = "";
  let from = 0;
  for (const dash of dashes) {
    out += `${text.slice(from, dash)} `;
    from = dash + 1;
  }
  return out + text.slice(from);
}
