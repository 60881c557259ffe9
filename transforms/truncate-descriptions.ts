/**
 * truncate-descriptions: with `--max-description-length N`, every description longer than
 * N is cut to N characters, back to the last whitespace, and ends in "..." — the same
 * rule as controller-gen's maxDescLen, so output matches for teams switching over. Large
 * CRDs need this to stay under the API server's 1.5 MiB object limit (and the 256 KiB
 * annotation limit of client-side apply).
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
  let cut = description.slice(0, max);
  const lastSpace = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("\n"), cut.lastIndexOf("\t"));
  if (lastSpace > 0) cut = cut.slice(0, lastSpace);
  return `${cut}...`;
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
