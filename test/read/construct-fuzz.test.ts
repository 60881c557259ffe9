/**
 * A fuzzer of the TypeScript constructs users write, supported or not (test/helpers/construct-arbitrary.ts):
 * crdgen never throws, every diagnostic is located in the user's file and readable, and a run
 * without errors gives CRDs Kubernetes accepts, the same each run, whose schemas accept the
 * JSON values TypeScript accepts; a type no schema can hold (a function, a symbol, a tuple...)
 * is refused, never written.
 *
 * `CRDGEN_FUZZ_RUNS=2000 npx vitest run test/read/construct-fuzz.test.ts` hunts with more runs
 * (and a random seed unless CRDGEN_FUZZ_SEED is set); CI runs a fixed seed.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ENTRY, generateFrom, installedCrdgen } from "../helpers/generate.js";
import { Ajv } from "ajv";
import { constructSource, specProps } from "../helpers/construct-arbitrary.js";
import { diagnosticProblem, GARBAGE_WORDS } from "../helpers/diagnostic-problems.js";
import { validateCrd } from "../../src/validate/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

// Each program takes ~100 ms to build (more when type-checked), twice for the determinism check.
const RUNS = Number(process.env.CRDGEN_FUZZ_RUNS ?? 50);
const SEED = process.env.CRDGEN_FUZZ_SEED ?? (process.env.CRDGEN_FUZZ_RUNS ? undefined : "20301");

/** crdgen's own declarations, installed as a user's node_modules holds them. */
const CRDGEN = installedCrdgen(readFileSync(new URL("../../src/known-types.ts", import.meta.url), "utf8"));

/** A hunt for the source behind a word (`CRDGEN_FUZZ_WORD=untyped`) fails on it, with the source. */
const WORDS = process.env.CRDGEN_FUZZ_WORD ? [...GARBAGE_WORDS, process.env.CRDGEN_FUZZ_WORD] : GARBAGE_WORDS;
/** TypeScript's own words for its types, which a message may use (`any value but null and undefined`). */
const TYPESCRIPT_WORDS = [/null (and|or) undefined/g, /\| undefined/g, /undefined \|/g, /`undefined`/g];

/** diagnosticProblem's checks, and no internal error. */
function problemOf(d: Diagnostic, lines: readonly string[], source: string): string | undefined {
  const problem = diagnosticProblem(d, lines, source, TYPESCRIPT_WORDS, WORDS);
  if (problem) return problem;
  if (/internal|unexpected|stack/i.test(d.message)) return `is an internal error: ${d.message}`;
  return undefined;
}

/**
 * Ajv set up as test/helpers/ajv.ts sets it up, reading own properties only: a property named
 * `constructor` or `toString` is absent from `{}`, whatever Object.prototype holds.
 */
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, ownProperties: true });

function compileOpenApi(schema: JSONSchemaProps): (value: unknown) => boolean {
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) as boolean;
}

/**
 * Kubernetes' dialect where Ajv reads it otherwise. A null where the schema is `nullable` passes
 * whatever else the node says (kube-openapi checks only a null's type, and the enum of a node
 * that is not nullable), where JSON Schema would still check it against `oneOf` stubs, whose
 * `required` a null meets in both of two members; and `nullable` without a `type` (an
 * int-or-string, a preserved value), which Ajv refuses to compile. So `nullable` is spelled as an
 * `anyOf` with null.
 */
function forAjv(schema: JSONSchemaProps): JSONSchemaProps {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === "enum" || k === "default" ? v : walk(v);
    if (out.nullable === true) {
      delete out.nullable;
      return { anyOf: [{ type: "null" }, out] };
    }
    return out;
  };
  return walk(schema) as JSONSchemaProps;
}

function tsconfig(exactOptionalPropertyTypes: boolean): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      exactOptionalPropertyTypes,
      skipLibCheck: true,
    },
  });
}

const fuzzCase = fc.record({
  props: specProps,
  typeCheck: fc.constantFrom(false, false, true),
  exact: fc.boolean(),
});

/** Codes seen in a hunt, for a look at what crdgen refuses. */
const seen = new Map<string, { count: number; examples: Set<string> }>();

describe("TypeScript construct fuzzer", () => {
  test(
    "random types give a located diagnostic, or a valid deterministic CRD accepting TypeScript's values",
    () => {
      let generated = 0;
      let valueChecked = 0;
      fc.assert(
        fc.property(fuzzCase, ({ props, typeCheck, exact }) => {
          const { source, spec } = constructSource(props);
          const files = { [ENTRY]: source, "/project/tsconfig.json": tsconfig(exact), ...CRDGEN };
          const context = `typeCheck: ${typeCheck}, exactOptionalPropertyTypes: ${exact}\n${source}`;
          let first;
          try {
            first = generateFrom(files, { typeCheck });
          } catch (e) {
            throw new Error(`generate threw ${String(e)} on\n${context}`, { cause: e });
          }
          const lines = source.split("\n");
          for (const d of first.diagnostics) {
            const problem = problemOf(d, lines, source);
            expect(problem, `${d.code} ${d.message}\n${context}`).toBeUndefined();
            const entry = seen.get(d.code) ?? { count: 0, examples: new Set<string>() };
            entry.count++;
            if (entry.examples.size < 6) entry.examples.add(`${d.message} | ${d.hint ?? ""}`);
            seen.set(d.code, entry);
          }
          if (!first.ok) return;
          generated++;
          expect(spec.refuse, `a type crdgen cannot express was accepted:\n${first.stream}\n${context}`).toBe(
            false,
          );
          for (const crd of first.crds) expect(validateCrd(crd), context).toEqual([]);
          const second = generateFrom(files, { typeCheck });
          expect(second.stream, context).toBe(first.stream);
          expect(second.diagnostics, context).toEqual(first.diagnostics);

          if (typeof spec.values !== "object") return;
          valueChecked++;
          const schema = first.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
          const validate = compileOpenApi(forAjv(schema));
          fc.assert(
            fc.property(spec.values, (value) => {
              expect(validate(value), `value ${JSON.stringify(value)}\n${first.stream}\n${context}`).toBe(
                true,
              );
            }),
            { numRuns: 20 },
          );
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: Number(SEED) } : {}) },
      );
      if (process.env.CRDGEN_FUZZ_RUNS) {
        const report = [...seen]
          .sort()
          .map(([code, { count, examples }]) => `${code} x${count}:\n  ${[...examples].join("\n  ")}`);
        console.log(
          `${generated}/${RUNS} generated, ${valueChecked} checked with values\n${report.join("\n")}`,
        );
      }
      // Most constructs are refused; still a share of the cases reaches emit, transforms and validation.
      expect(generated).toBeGreaterThan(RUNS / 10);
    },
    Math.max(60_000, RUNS * 1_000),
  );
});
