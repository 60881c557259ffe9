/**
 * int-or-string: a node marked `x-kubernetes-int-or-string` (the IntOrString type, or
 * `string | number` tagged @intOrString) gets the one shape Kubernetes accepts for it
 * (T16): `anyOf: [{type: integer}, {type: string}]` with no `type` of its own. Value
 * constraints written on the field (pattern, enum, maxLength) stay beside the anyOf,
 * as controller-gen writes them.
 *
 *   in:  {x-kubernetes-int-or-string: true, anyOf: [{type: string}, {type: number}], pattern: "^[0-9]+%?$"}
 *   out: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}], pattern: "^[0-9]+%?$"}
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "int-or-string";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.intOrString;

const INT_OR_STRING_BRANCHES: DraftSchema[] = [{ type: "integer" }, { type: "string" }];
const ACCEPTED = new Set(["integer", "number", "string"]);

export function intOrString(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      if (node["x-kubernetes-int-or-string"] !== true) return node;
      const { type, format: _format, anyOf, ...rest } = node;
      const branchTypes = anyOf?.map((b) => b.type) ?? (type ? [type] : []);
      const unexpected = branchTypes.filter((t) => t === undefined || !ACCEPTED.has(t));
      if (unexpected.length > 0) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.mixedUnion,
          message: `@intOrString applies to \`string | number\`, not to ${branchTypes.map((t) => t ?? "unknown").join(" | ")}.`,
          hint: "type the property `string | number` or IntOrString",
        });
      }
      // Enums of the members (e.g. 1 | "50%") move up beside the anyOf, where Kubernetes checks them.
      const values = anyOf?.flatMap((b) => b.enum ?? []) ?? [];
      const out: DraftSchema = { ...rest, anyOf: INT_OR_STRING_BRANCHES.map((b) => ({ ...b })) };
      if (values.length > 0 && out.enum === undefined) out.enum = values;
      return out;
    },
    walkOptions(ctx, name, acts),
  );
}
