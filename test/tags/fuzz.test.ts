/**
 * A tag fuzzer: random types decorated with random tags of the registry, with values users
 * write right and wrong. Whatever the tags say, crdgen reports a located, readable diagnostic
 * or writes a CRD Kubernetes accepts, and the same one each run.
 *
 * `CRDGEN_FUZZ_RUNS=2000 npx vitest run test/tags/fuzz.test.ts` hunts with more runs (and a
 * random seed unless CRDGEN_FUZZ_SEED is set); CI runs a fixed seed.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateFrom } from "../helpers/generate.js";
import { diagnosticProblem } from "../helpers/diagnostic-problems.js";
import { fuzzRoot, fuzzSource, TAG_VALUES, type FuzzRoot, type TagSpec } from "../helpers/tag-arbitrary.js";
import { tagRegistry } from "../../src/tags/index.js";
import { validateCrd } from "../../src/validate/index.js";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";

// Each program takes ~100 ms to build, twice for the determinism check: 60 runs keep this under ~20 s.
const RUNS = Number(process.env.CRDGEN_FUZZ_RUNS ?? 60);
const SEED = process.env.CRDGEN_FUZZ_SEED ?? (process.env.CRDGEN_FUZZ_RUNS ? undefined : "20300");

/** CEL's own compile error for a name the rule's object lacks is "undefined field 'x'". */
const ALLOWED = [/undefined field/g];

/** The one tag of `name` among `tags`, when exactly one is written (by its exact name). */
function only(tags: readonly TagSpec[], name: string): TagSpec | undefined {
  const found = tags.filter((t) => t.name === name);
  return found.length === 1 ? found[0] : undefined;
}

/** A tag's value when it is a plain count (the fuzzer also writes `1e2`, `01`...). */
function count(tag: TagSpec | undefined): number | undefined {
  return tag && /^(0|[1-9]\d{0,5})$/.test(tag.value) ? Number(tag.value) : undefined;
}

/**
 * A few documented effects, cheap to check on the spec's own fields of a plain type (a named
 * type's tags would narrow them further): `@maxLength N` is `maxLength: N`, and so for
 * `@minimum`, `@maxItems`, `@maxProperties`; `@pattern` and `@format` are written as given,
 * `@default "x"` is that default, `@title` that title; `@scope` and `@shortName` reach the names.
 */
function effectProblems(root: FuzzRoot, crd: CustomResourceDefinition): string[] {
  const spec = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  const problems: string[] = [];
  for (const p of root.spec.props) {
    const field: JSONSchemaProps | undefined = spec.properties?.[p.name];
    if (!field) continue;
    const want = (key: keyof JSONSchemaProps, name: string, value: (t: TagSpec) => unknown) => {
      const tag = only(p.tags, name);
      const wanted = tag && value(tag);
      if (tag && wanted !== undefined && JSON.stringify(field[key]) !== JSON.stringify(wanted))
        problems.push(`@${tag.name} ${tag.value} on ${p.name} gave ${key}: ${JSON.stringify(field[key])}`);
    };
    const kind = p.type.kind;
    if (kind === "string") {
      want("maxLength", "maxLength", count);
      want("minLength", "minLength", count);
      want("pattern", "pattern", (t) => (/^\^[\w[\]()?*+-]*\$$/.test(t.value) ? t.value : undefined));
      want("format", "format", (t) =>
        ["date-time", "byte", "uuid"].includes(t.value) ? t.value : undefined,
      );
      want("default", "default", (t) =>
        /^"\w*"$/.test(t.value) ? (JSON.parse(t.value) as string) : undefined,
      );
    }
    if (kind === "number" && !only(p.tags, "exclusiveMinimum")) want("minimum", "minimum", count);
    if (kind === "array") want("maxItems", "maxItems", count);
    if (kind === "record") want("maxProperties", "maxProperties", count);
    want("title", "title", (t) => (/^[\w ]+$/.test(t.value) ? t.value : undefined));
  }
  const scope = only(root.tags, "scope");
  if (scope && crd.spec.scope !== scope.value) problems.push(`@scope ${scope.value} gave ${crd.spec.scope}`);
  const shortName = only(root.tags, "shortName");
  if (shortName && !crd.spec.names.shortNames?.includes(shortName.value))
    problems.push(`@shortName ${shortName.value} gave ${JSON.stringify(crd.spec.names.shortNames)}`);
  return problems;
}

describe("tag fuzzer", () => {
  test("every registered tag has values to fuzz with", () => {
    const missing = tagRegistry
      .all()
      .map((t) => t.name)
      .filter((n) => !(n in TAG_VALUES));
    expect(missing).toEqual([]);
  });

  test(
    "random tags give a located diagnostic or a valid, deterministic CRD with their effects",
    () => {
      let generated = 0;
      fc.assert(
        fc.property(fuzzRoot, (root) => {
          const source = fuzzSource(root);
          let first;
          try {
            first = generateFrom(source, { typeCheck: false });
          } catch (e) {
            throw new Error(`generate threw ${String(e)} on\n${source}`, { cause: e });
          }
          const lines = source.split("\n");
          for (const d of first.diagnostics) {
            const problem = diagnosticProblem(d, lines, source, ALLOWED);
            expect(problem, `${d.code} ${d.message}\n${source}`).toBeUndefined();
          }
          if (!first.ok) return;
          generated++;
          for (const crd of first.crds) expect(validateCrd(crd), source).toEqual([]);
          const second = generateFrom(source, { typeCheck: false });
          expect(second.stream, source).toBe(first.stream);
          expect(second.diagnostics, source).toEqual(first.diagnostics);
          expect(effectProblems(root, first.crds[0]!), source).toEqual([]);
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: Number(SEED) } : {}) },
      );
      // Mostly fitting tags: a fair share of the cases reach emit, transforms and validation.
      expect(generated).toBeGreaterThan(RUNS / 10);
      // A hunt with many runs takes as long as it takes.
    },
    Math.max(60_000, RUNS * 1_000),
  );
});
