/**
 * int-or-string: a node marked `x-kubernetes-int-or-string` (the IntOrString type, or
 * `string | number` tagged @intOrString) gets the one shape Kubernetes accepts for it
 * (T16): `anyOf: [{type: integer}, {type: string}]` with no `type` of its own. Value
 * constraints written on the field (pattern, enum, maxLength) stay beside the anyOf,
 * as controller-gen writes them. Literal members become the `enum` when every member is
 * one (`1 | "50%"`); otherwise the string members' literals and template literal types
 * become a `pattern`, which integers are not checked against (`number | "auto"`).
 *
 *   in:  {x-kubernetes-int-or-string: true, anyOf: [{type: string}, {type: number}], pattern: "^[0-9]+%?$"}
 *   out: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}], pattern: "^[0-9]+%?$"}
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";
import { patternOfStrings } from "./string-patterns.js";

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
      const members = anyOf ?? [];
      const out: DraftSchema = { ...rest, anyOf: INT_OR_STRING_BRANCHES.map((b) => ({ ...b })) };
      if (out.enum === undefined && members.length > 0 && members.every((b) => b.enum !== undefined)) {
        // Literal members (1 | "50%") move up beside the anyOf, where Kubernetes checks them.
        out.enum = members.flatMap((b) => b.enum!);
      } else if (out.enum === undefined && out.pattern === undefined) {
        // An enum would hold the numbers too, so `number | "auto"` would refuse every number:
        // the strings' constraint is a pattern, which numbers are not checked against.
        const pattern = patternOfStrings(members.filter((b) => b.type === "string"));
        if (pattern !== undefined) out.pattern = pattern;
      }
      return out;
    },
    walkOptions(ctx, name, acts),
  );
}
