/**
 * optional-enum: Kubernetes has no null type, only `nullable: true`, and forbids `nullable`
 * inside anyOf. A `T | null` (an anyOf with a null branch) becomes T plus `nullable: true`;
 * `null` inside an `enum` moves to `nullable` too (the API server lets null through a
 * nullable field before checking the enum). Keywords on the field win over T's, so a
 * field's own description beats the type's. Optional fields are not made nullable: TS
 * `undefined` means absent, not null (int-or-string is the exception, see nullable-int-or-string).
 *
 *   in:  {description: "mode", anyOf: [{type: string, enum: [a, b], description: "Mode"}, {type: "null"}]}
 *   out: {description: "mode", type: string, enum: [a, b, null], nullable: true}
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "optional-enum";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.anyOf | Feature.nullEnum | Feature.nullType;

function isNullBranch(s: DraftSchema): boolean {
  if (s.type === "null") return true;
  return (
    s.type === undefined && Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => v === null)
  );
}

export function optionalEnum(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      let out = node;
      if (out.anyOf?.some(isNullBranch)) {
        const rest = out.anyOf.filter((b) => !isNullBranch(b));
        const { anyOf: _drop, ...siblings } = out;
        if (rest.length === 0) {
          reportAt(ctx, node, path, {
            severity: "error",
            code: codes.unsupportedType,
            message: "A property whose only value is null cannot be expressed in a CRD schema.",
            hint: "give it a type, e.g. `string | null`",
          });
          out = { ...siblings, nullable: true };
        } else if (rest.length === 1) {
          out = withNullInEnum({ ...rest[0], ...siblings, nullable: true });
        } else {
          out = { ...siblings, anyOf: rest, nullable: true };
        }
      }
      if (out.enum?.includes(null) && out.nullable !== true) out = { ...out, nullable: true };
      // A null branch is its parent anyOf's business (handled above, one level up).
      if (out.type === "null" && !/\.anyOf\[\d+\]$/.test(path)) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.unsupportedType,
          message: "A property whose only value is null cannot be expressed in a CRD schema.",
          hint: "give it a type, e.g. `string | null`",
        });
        const { type: _t, ...rest } = out;
        out = { ...rest, nullable: true };
      }
      return out;
    },
    walkOptions(ctx, name, acts),
  );
}

/**
 * A nullable schema whose enum lists null too. The API server lets a null through `nullable`
 * before it checks the enum; JSON Schema validators (kubeconform, editors) check the enum first.
 */
export function withNullInEnum(schema: DraftSchema): DraftSchema {
  if (schema.nullable !== true || !schema.enum || schema.enum.includes(null)) return schema;
  return { ...schema, enum: [...schema.enum, null] };
}
