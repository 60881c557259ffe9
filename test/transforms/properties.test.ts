/**
 * Property tests over random draft schemas: every transform is idempotent and pure, and
 * whenever the pipeline reports no error its output is a structural schema that
 * Kubernetes' v1-create rules accept.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { DraftSchema } from "../../src/emit/draft.js";
import { validateSchema, V1_CREATE_OPTIONS } from "../../src/validate/index.js";
import { collectingContext } from "../../transforms/context.js";
import { finalize } from "../../transforms/finalize.js";
import { runTransforms, schemaTransforms, stepTriggers } from "../../transforms/index.js";
import { featuresOf, mapSchema, withoutSkipping } from "../../transforms/walk.js";
import { canonicalSchema } from "../../src/write/canonical.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const name = fc.constantFrom("a", "b", "c", "kind", "my-field");
const scalarType = fc.constantFrom("string", "integer", "number", "boolean");

const draft: fc.Arbitrary<DraftSchema> = fc.letrec<{ node: DraftSchema }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record(
      {
        type: scalarType,
        format: fc.constantFrom("int32", "uint32", "date-time", "email"),
        description: fc.constantFrom("doc one", "doc two"),
      },
      { requiredKeys: ["type"] },
    ),
    fc
      .tuple(
        fc.constantFrom("string" as const, "integer" as const),
        fc.uniqueArray(fc.constantFrom("x", "y", "z", 1, 2), { minLength: 1, maxLength: 3 }),
      )
      .map(([type, values]): DraftSchema => ({
        type,
        enum: values
          .filter((v) => (type === "string" ? typeof v === "string" : typeof v === "number"))
          .concat(type === "string" ? ["w"] : [3]),
      })),
    fc.constant<DraftSchema>({ type: "null" }),
    fc.constant<DraftSchema>({ type: "string", "x-crdgen-immutable": true }),
    fc.constant<DraftSchema>({ type: "object", "x-kubernetes-preserve-unknown-fields": true, id: "legacy" }),
    fc.constant<DraftSchema>({ "x-kubernetes-preserve-unknown-fields": true }),
    fc.constant<DraftSchema>({
      "x-kubernetes-int-or-string": true,
      anyOf: [{ type: "string" }, { type: "number" }],
    }),
    fc
      .record({ items: tie("node"), uniqueItems: fc.boolean() }, { requiredKeys: ["items"] })
      .map((a): DraftSchema => ({ type: "array", ...a })),
    fc
      .record(
        {
          properties: fc.dictionary(name, tie("node"), { maxKeys: 3 }),
          required: fc.subarray(["a", "b", "c", "kind", "my-field"]),
          additionalProperties: fc.oneof(fc.boolean(), tie("node")),
        },
        { requiredKeys: ["properties"] },
      )
      .map((o): DraftSchema => {
        const required = (o.required ?? []).filter((r) => r in o.properties);
        return { type: "object", ...o, required };
      }),
    fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((anyOf): DraftSchema => ({ anyOf })),
  ),
})).node;

const RUNS = 300;

describe("each transform", () => {
  for (const t of schemaTransforms) {
    test(`${t.name} gives the same when it walks every subtree (skipping by features changes nothing)`, () => {
      const options = { maxDescriptionLength: 5 };
      fc.assert(
        fc.property(draft, (schema) => {
          const skipped = { ...collectingContext(), options };
          const walked = { ...collectingContext(), options };
          const out = t.run(schema, skipped);
          expect(withoutSkipping(() => t.run(schema, walked))).toEqual(out);
          expect(walked.diagnostics).toEqual(skipped.diagnostics);
        }),
        { numRuns: RUNS },
      );
    });

    test(`${t.name} is idempotent and pure`, () => {
      fc.assert(
        fc.property(draft, (schema) => {
          const frozen = structuredClone(schema);
          const once = t.run(schema, collectingContext());
          expect(schema).toEqual(frozen);
          expect(t.run(once, collectingContext())).toEqual(once);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

/** Drafts whose nodes also hold keyword values with keys out of order, and user data. */
const draftWithData = draft.map((schema) =>
  mapSchema(schema, (node) => ({
    ...node,
    "x-kubernetes-validations": [{ rule: "true", message: "m", reason: "FieldValueInvalid" }],
    externalDocs: { url: "https://example.com", description: "d" },
    example: { z: 1, a: [{ y: 2, b: 3 }] },
  })),
);

describe("the steps before finalize", () => {
  // emit/direct.ts relies on this: it skips the steps for a schema with none of their triggers.
  for (const options of [{}, { maxDescriptionLength: 5 }]) {
    test(`leave a schema with none of their triggers as it is (options ${JSON.stringify(options)})`, () => {
      let quiet = 0;
      fc.assert(
        fc.property(draft, (schema) => {
          fc.pre((featuresOf(schema, new Map()) & stepTriggers(options)) === 0);
          quiet++;
          for (const t of schemaTransforms) {
            if (t.name === "finalize") continue;
            const ctx = { ...collectingContext(), options };
            expect(withoutSkipping(() => t.run(schema, ctx))).toEqual(schema);
            expect(ctx.diagnostics).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
      expect(quiet).toBeGreaterThan(10);
    });
  }
});

describe("finalize", () => {
  test("writes the canonical form the output is written in, so rendering copies nothing", () => {
    fc.assert(
      fc.property(draftWithData, (schema) => {
        // A copy, which rendering has not been told is canonical, is kept whole.
        const written = structuredClone(finalize(schema, collectingContext())) as JSONSchemaProps;
        expect(canonicalSchema(written)).toBe(written);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the pipeline", () => {
  test("output without errors is structural and accepted by Kubernetes' v1-create rules", () => {
    let checked = 0;
    fc.assert(
      fc.property(draft, (spec) => {
        const ctx = collectingContext();
        const { schema } = runTransforms(
          { schema: { type: "object", properties: { spec } }, definitions: {} },
          ctx,
        );
        if (ctx.diagnostics.some((d) => d.severity === "error")) return;
        checked++;
        expect(validateSchema(schema, V1_CREATE_OPTIONS), JSON.stringify(spec)).toEqual([]);
        // And the pipeline is idempotent as a whole.
        const again = runTransforms(
          { schema: schema as DraftSchema, definitions: {} },
          collectingContext(),
        ).schema;
        expect(again).toEqual(schema);
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 4);
  });
});
