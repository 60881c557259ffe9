/**
 * truncate-descriptions: with `--max-description-length N`, every description longer than
 * N is cut to N characters, then after the last sentence end in them, or else back to the last
 * whitespace and ends in "..." — the rule of controller-gen's maxDescLen, so output matches for
 * teams switching over (N counts UTF-16 units rather than Go's bytes, and a cut never splits a
 * character). Large CRDs need this to stay under the API server's 1.5 MiB object limit (and the
 * 256 KiB annotation limit of client-side apply).
 *
 *   in:  {description: "APIVersion defines the versioned schema of this representation..."}   (N = 50)
 *   out: {description: "APIVersion defines the versioned schema of this..."}
 *
 * N = 0 drops every description, as controller-gen's maxDescLen=0 does ("drop the description
 * for all fields completely"), rather than leave a "..." in each.
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "truncate-descriptions";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.description;

export function truncate(description: string, max: number): string {
  if (description.length <= max) return description;
  const cut = description.slice(0, graphemeStart(description, max));
  // As controller-gen: after the last sentence's end when the piece has one (past its first character)...
  const sentenceEnd = lastMatch(cut, SENTENCE_END);
  if (sentenceEnd && sentenceEnd.index > 0) return cut.slice(0, sentenceEnd.index + sentenceEnd[0].length);
  // ...else at the last space, the spaces before it dropped too (`word  ...`, a lone line break before `...`).
  const space = lastMatch(cut, SPACE)?.index ?? -1;
  const kept = space > 0 ? cut.slice(0, space).trimEnd() : cut;
  return `${kept || cut}...`;
}

/** Unicode's sentence terminals (`.`, `!`, `?`, `。`...), as controller-gen's `unicode.STerm`. */
const SENTENCE_END = /\p{Sentence_Terminal}/gu;

/** Unicode's white space, as controller-gen's `unicode.White_Space`. */
const SPACE = /\p{White_Space}/gu;

/** The last match (a sentence terminal may be two UTF-16 units). */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The start of the character that `at` falls in (UTF-16 index): a cut there splits no surrogate
 * pair (half of an emoji, which YAML cannot write), no letter from its accents and no emoji sequence.
 */
function graphemeStart(text: string, at: number): number {
  // A grapheme is a few code units: the ones around `at` decide.
  const from = Math.max(0, at - 32);
  let start = from;
  for (const { index } of graphemes.segment(text.slice(from, at + 32))) {
    if (from + index > at) break;
    start = from + index;
  }
  return start;
}

export function truncateDescriptions(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  const max = ctx.options?.maxDescriptionLength;
  if (max === undefined) return schema;
  return mapSchema(
    schema,
    (node) => {
      if (typeof node.description !== "string") return node;
      if (max === 0) {
        const { description: _dropped, ...rest } = node;
        return rest;
      }
      return node.description.length > max ? { ...node, description: truncate(node.description, max) } : node;
    },
    walkOptions(ctx, name, acts),
  );
}
