/**
 * A field's value validations and its named type's, merged where the reference is inlined
 * (inline-refs' inlinedAt), accept exactly the values both accept: a field narrows its type.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { DraftSchema } from "../../src/emit/draft.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { inlinedAt } from "../../transforms/inline-refs.js";
import { compileOpenApi } from "../helpers/ajv.js";
import { validateSchema, V1_CREATE_OPTIONS } from "../../src/validate/index.js";

const bound = fc.integer({ min: -3, max: 12 });

/** Numeric and length constraints as tags write them (an exclusive flag only beside its bound). */
const constraints: fc.Arbitrary<DraftSchema> = fc
  .record(
    {
      maximum: fc.tuple(bound, fc.boolean()),
      minimum: fc.tuple(bound, fc.boolean()),
      maxLength: fc.nat(6),
      minLength: fc.nat(6),
      pattern: fc.constantFrom("^a", "b$", "^[ab]+$"),
      multipleOf: fc.constantFrom(2, 3),
      enum: fc.subarray([0, 1, 2, 3, 4, 6, "a", "ab", "bb"], { minLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .map(({ maximum, minimum, ...rest }) => ({
    ...rest,
    ...(maximum ? { maximum: maximum[0], ...(maximum[1] ? { exclusiveMaximum: true } : {}) } : {}),
    ...(minimum ? { minimum: minimum[0], ...(minimum[1] ? { exclusiveMinimum: true } : {}) } : {}),
  }));

const values = fc.oneof(
  fc.integer({ min: -4, max: 14 }),
  fc.constantFrom("", "a", "ab", "abb", "bab", "aaaaaaa"),
);

/** OpenAPI's boolean exclusive flags as the JSON Schema numbers Ajv reads. */
function forAjv(schema: DraftSchema): JSONSchemaProps {
  const out: Record<string, unknown> = { ...schema };
  for (const [flag, bound] of [
    ["exclusiveMaximum", "maximum"],
    ["exclusiveMinimum", "minimum"],
  ] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound];
      delete out[bound];
    }
  }
  if (schema.allOf) out["allOf"] = schema.allOf.map(forAjv);
  return out as JSONSchemaProps;
}

test("the merged node accepts exactly what the type and the field both accept", () => {
  fc.assert(
    fc.property(
      constraints,
      constraints,
      fc.array(values, { minLength: 1, maxLength: 12 }),
      (body, own, vs) => {
        const merged = compileOpenApi(forAjv(inlinedAt(body, own)));
        const type = compileOpenApi(forAjv(body));
        const field = compileOpenApi(forAjv(own));
        for (const v of vs) expect(merged(v)).toBe(type(v) && field(v));
      },
    ),
    { numRuns: 300 },
  );
});

test("the allOf it writes is one Kubernetes accepts in a structural schema", () => {
  fc.assert(
    fc.property(constraints, constraints, (body, own) => {
      const merged = inlinedAt({ ...body, type: "string" }, own);
      const schema = { type: "object", properties: { f: merged } } as JSONSchemaProps;
      const errors = validateSchema(schema, V1_CREATE_OPTIONS).map((e) => `${e.field}: ${e.detail ?? ""}`);
      expect(errors.filter((e) => /allOf/.test(e))).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
