/**
 * unions: what is left of a TypeScript union after `nullable` must become one structural
 * schema. Unions of scalars of different types and of objects are reported here with the
 * location of the field; the union-lowering transform handles object unions.
 *
 *   in:  {anyOf: [{type: string}, {type: boolean}]}
 *   out: error CRD1010 at the field
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { reportAt, type TransformContext } from "./context.js";
import { mapSchema } from "./walk.js";

export const name = "unions";

export function unions(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(schema, (node, path) => {
    const branches = node.anyOf;
    if (!branches || node["x-kubernetes-int-or-string"] || node["x-kubernetes-preserve-unknown-fields"]) return node;
    if (branches.some((b) => b.type === undefined || b.type === "object" || b.type === "array")) {
      if (branches.every((b) => b.type === "object")) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.objectUnion,
          message: "Unions of object types are not supported yet.",
          hint: "use one object with optional fields, or tag the property @preserveUnknownFields",
        });
        return node;
      }
    }
    const types = [...new Set(branches.map((b) => b.type ?? "unknown"))].join(" | ");
    reportAt(ctx, node, path, {
      severity: "error",
      code: codes.mixedUnion,
      message: `A union of ${types} cannot be expressed: a Kubernetes field has one type.`,
      hint: "use one type, tag `string | number` with @intOrString, or tag the property @preserveUnknownFields",
    });
    return node;
  });
}
