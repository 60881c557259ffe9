/**
 * What TypeScript's JSDoc parser reads otherwise than a doc comment's author meant, found while
 * reading the comment (jsdoc.ts) and reported by the tag reader in its place (`RawTag.problem`).
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import { tagRegistry } from "../tags/index.js";
import type { RawTag, TagProblem } from "./jsdoc.js";
import { NODE_MODULES } from "./library-files.js";
import { positionOrigin } from "./location.js";

/**
 * A warning for each `{@link` with no `}` (at `positions` of `sf`), which TypeScript would read
 * the next line into: a tag there would be lost. The comment is read with the link closed at
 * its line's end (description-text.ts), so the tags are read, as written. None for a library's
 * comments, which are not the user's to change.
 */
export function unclosedLinkTags(positions: readonly number[], sf: ts.SourceFile): RawTag[] {
  if (NODE_MODULES.test(sf.fileName)) return [];
  return positions.map((at) => {
    const written = /^\{@link\w*/.exec(sf.text.slice(at, at + 12))![0];
    return {
      name: written,
      text: "",
      origin: positionOrigin(sf, at, at + written.length),
      problem: {
        severity: "warning",
        code: codes.unclosedInlineTag,
        message: `This ${written} has no closing }: TypeScript reads the line after it as the link's text, a tag there included. crdgen reads the comment as if the link ended at its line's end.`,
        hint: "close it with } on its line",
      },
    };
  });
}

/**
 * The error for tag `name` at `tagStart` of a comment that starts at `commentStart` of `text`, when
 * it is no tag crdgen knows and is written inside a fenced code block (see `insideFence`):
 * TypeScript reads an `@` that starts a word as a tag anywhere in a doc comment, code included,
 * and ends the description there. `undefined` for any other tag.
 */
export function codeBlockTagProblem(
  name: string,
  text: string,
  commentStart: number,
  tagStart: number,
): TagProblem | undefined {
  if (tagRegistry.get(name) || tagRegistry.isIgnored(name)) return undefined;
  if (!insideFence(text, commentStart, tagStart)) return undefined;
  return {
    code: codes.unknownTag,
    message: `Unknown tag @${name}: it is inside a \`\`\` code block, but TypeScript reads an @ that starts a word as a tag anywhere in a doc comment, code included (the description ends before it).`,
    hint: escapeHint(name),
  };
}

/**
 * A warning beside `tag`, a crdgen tag (at `tagStart` of a comment that starts at `commentStart`
 * of `text`), when it is written inside a fenced code block, as an example of the tag is: TypeScript
 * reads it as a tag all the same, so it shapes the schema (it is applied, as it always was:
 * output does not change without a word) and the description ends before it. None for a
 * library's comments, which are not the user's to change.
 */
export function fencedTagWarning(
  tag: RawTag,
  text: string,
  commentStart: number,
  tagStart: number,
  sf: ts.SourceFile,
): RawTag | undefined {
  if (!tagRegistry.get(tag.name) || NODE_MODULES.test(sf.fileName)) return undefined;
  if (!insideFence(text, commentStart, tagStart)) return undefined;
  return {
    // Not a tag's name, so that nothing reads it as the tag itself.
    name: `${FENCE}@${tag.name}`,
    text: "",
    origin: tag.origin,
    problem: {
      severity: "warning",
      code: codes.fencedTag,
      message: `@${tag.name} is inside a \`\`\` code block, but TypeScript reads an @ that starts a word as a tag anywhere in a doc comment, code included: crdgen reads it as a tag too (it shapes the schema), and the description ends before it.`,
      hint: escapeHint(tag.name),
    },
  };
}

function escapeHint(name: string): string {
  return `write \\@${name} to keep it as code: TypeScript reads that as text (the backslash stays in the description)`;
}

/** Whether `at` of `text` follows an odd count of ``` from `commentStart` on. */
function insideFence(text: string, commentStart: number, at: number): boolean {
  let fences = 0;
  for (let i = text.indexOf(FENCE, commentStart); i !== -1 && i < at; i = text.indexOf(FENCE, i + 3))
    fences++;
  return fences % 2 === 1;
}

const FENCE = "```";
