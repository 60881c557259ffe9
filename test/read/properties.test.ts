/**
 * Property tests over random type declarations of the supported subset: the pipeline is
 * deterministic, its schemas are structural, every value of the type validates against the
 * schema, and values breaking a literal or required constraint are rejected.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateFrom } from "../helpers/generate.js";
import { compileOpenApi } from "../helpers/ajv.js";
import { invalidValueOf, toSource, typeSpec, valueOf } from "../helpers/type-arbitrary.js";
import { validateCrd } from "../../src/validate/index.js";

// Each run builds a TypeScript program (~100 ms); 40 runs keep this file under ~10 s.
const RUNS = 40;

describe("pipeline properties", () => {
  test("output is deterministic, structural, and accepts every inhabitant of the type", () => {
    fc.assert(
      fc.property(typeSpec, (spec) => {
        const source = toSource(spec);
        const first = generateFrom(source, { typeCheck: false });
        expect(first.diagnostics, source).toEqual([]);
        const second = generateFrom(source, { typeCheck: false });
        expect(second.stream).toBe(first.stream);

        const crd = first.crds[0]!;
        expect(validateCrd(crd)).toEqual([]);
        const schema = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
        const validate = compileOpenApi(schema);
        fc.assert(
          fc.property(valueOf(spec), (value) => {
            expect(validate(value), `${source}\nvalue: ${JSON.stringify(value)}`).toBe(true);
          }),
          { numRuns: 20 },
        );
        const invalid = invalidValueOf(spec);
        if (invalid) {
          fc.assert(
            fc.property(invalid, (value) => {
              expect(validate(value), `${source}\ninvalid value: ${JSON.stringify(value)}`).toBe(false);
            }),
            { numRuns: 10 },
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});
