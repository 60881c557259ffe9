/**
 * unsupported-keywords: the last guard before validation. Keywords the structural rules
 * forbid (G6-G12: `$ref`, `definitions`, `patternProperties`, `dependencies`,
 * `additionalItems`, `id`, `$schema`, tuple `items`) and formats Kubernetes does not know
 * (e.g. `uint32`) are removed with a warning naming where they came from — never
 * silently. Forbidden keywords that carry meaning we cannot keep are errors, and so are keywords
 * that the node's type makes meaningless (src/schema/kinded-keywords.ts): Kubernetes accepts them
 * and checks nothing, so the author's constraint would be lost without a word.
 *
 *   in:  {type: integer, format: uint32}
 *   out: {type: integer}            + warning CRD3004 at the tag that wrote the format (else the field)
 *
 *   in:  {type: array, items: {type: string}, maxLength: 5}
 *   out: {type: array, items: {type: string}}   + error CRD3006 at the @maxLength tag
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, reportAtKeyword, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";
import { KUBERNETES_FORMATS } from "../src/schema/formats.js";
import { misfitHint, misfitKeywords, misfitMessage } from "../src/schema/kinded-keywords.js";
import { didYouMean } from "../src/tags/suggest.js";
import { exampleMisfit } from "../src/schema/example-fit.js";
import { typeMisfits } from "../src/schema/type-misfit.js";

export const name = "unsupported-keywords";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.forbidden | Feature.unknownFormat | Feature.misfitKeyword;

/** Keywords whose meaning is lost when removed: an error. */
const FORBIDDEN_ERRORS = ["patternProperties", "dependencies", "additionalItems"] as const;
/** Keywords that are leftovers with no meaning of their own here: removed with a warning. */
const FORBIDDEN_WARNINGS = ["$ref", "definitions", "id", "$schema"] as const;

export function unsupportedKeywords(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      // Copied only when a keyword goes: an untouched node is returned as it came.
      let out = node as Record<string, unknown>;
      const drop = (key: string) => {
        const { [key]: _removed, ...rest } = out;
        out = rest;
      };
      for (const key of FORBIDDEN_ERRORS) {
        if ((node as Record<string, unknown>)[key] === undefined) continue;
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.unsupportedKeyword,
          message: `\`${key}\` is not allowed in a CRD schema (Kubernetes rejects it).`,
          hint: "describe the field with properties, items or additionalProperties instead",
        });
        drop(key);
      }
      for (const key of FORBIDDEN_WARNINGS) {
        if ((node as Record<string, unknown>)[key] === undefined) continue;
        reportAt(ctx, node, path, {
          severity: "warning",
          code: codes.removedKeyword,
          message: `\`${key}\` is not allowed in a CRD schema and was removed.`,
        });
        drop(key);
      }
      if (Array.isArray(node.items)) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.unsupportedKeyword,
          message: "Tuple `items` (an array of schemas) is not allowed in a CRD schema.",
          hint: "use one item schema",
        });
        drop("items");
      }
      if (typeof node.format === "string" && !KUBERNETES_FORMATS.has(node.format)) {
        reportAtKeyword(ctx, node, path, "format", {
          severity: "warning",
          code: codes.removedKeyword,
          message: `format "${node.format}" is not a Kubernetes format and was removed.`,
          hint: formatHint(node.format),
        });
        drop("format");
      }
      // Kubernetes' own schemas are kept as published.
      if (node["x-crdgen-verbatim"] !== true) {
        for (const key of misfitKeywords(node)) {
          reportAtKeyword(ctx, node, path, key, {
            severity: "error",
            code: codes.misfitKeyword,
            message: misfitMessage(key, node),
            hint: misfitHint(key, node),
          });
          drop(key);
        }
        if (propertiesMisfit(node)) {
          reportAtKeyword(ctx, node, path, "type", {
            severity: "error",
            code: codes.propertiesOnNonObject,
            message: `@schemaType ${node.type} on an object type keeps its properties (${Object.keys(node.properties!).join(", ")}), which no ${node.type} has: Kubernetes accepts the schema and checks none of them.`,
            hint: `to write the field as a ${node.type} with a schema of its own (a type with its own JSON encoding), add @schemaless beside @schemaType ${node.type}; else remove the @schemaType`,
          });
          drop("properties");
          drop("required");
        }
        for (const misfit of typeMisfits(node)) {
          reportAtKeyword(ctx, node, path, "type", {
            severity: "error",
            code: codes.propertiesOnNonObject,
            message: misfit.message,
            hint: misfit.hint,
          });
          drop(misfit.keyword);
        }
        const example = exampleMisfit(node);
        if (example !== undefined) {
          reportAtKeyword(ctx, node, path, "example", {
            severity: "error",
            code: codes.misfitKeyword,
            message: example.message,
            hint: example.hint,
          });
          drop("example");
        }
      }
      return out as DraftSchema;
    },
    walkOptions(ctx, name, acts),
  );
}

/**
 * Properties on a node of another type than object: `@schemaType string` on an interface keeps
 * the interface's properties, which no string has.
 */
function propertiesMisfit(node: DraftSchema): boolean {
  const { type, properties } = node;
  return (
    type !== undefined && type !== "object" && properties !== undefined && Object.keys(properties).length > 0
  );
}

/** The format meant, when one is near (`hostnme`), before the list of those Kubernetes knows. */
function formatHint(format: string): string {
  const known = [...KUBERNETES_FORMATS];
  if (/^uint(8|16|32|64)?$/i.test(format))
    return `Kubernetes has no unsigned formats: int32 or int64 with a minimum of 0. Kubernetes formats: ${known.join(", ")}`;
  const meant = didYouMean(format, known);
  return `${meant ? `did you mean ${meant}? ` : ""}Kubernetes formats: ${known.join(", ")}`;
}
