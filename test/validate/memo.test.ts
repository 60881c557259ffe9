/**
 * A watch session's validation memo (src/validate/memo.ts) may change how fast a CRD is validated,
 * never what is reported. A rebuild's CRD shares every unchanged subtree, as the very objects,
 * with the last run's: here the oracle mutants (one change each to a real CRD, judged by
 * Kubernetes) are made to share everything but their change with their originals, and generated
 * schemas with their mutations, and each is validated after the other through one memo.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goJsonSize } from "../../src/validate/go-json-size.js";
import { installSizeProblems } from "../../src/validate/install-size.js";
import { validateCrd, ValidationMemo } from "../../src/validate/index.js";
import { newStructural } from "../../src/validate/structural/convert.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { kubectlValues } from "../../src/yaml/kubectl-values.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { crd, crdWithSpec, object, version } from "../helpers/crds.js";
import { applyMutation, mutationsOf, specSchemaArb } from "../helpers/schema-mutation.js";
import { ANCHORS_126, SHARED } from "./anchors.js";

const MUTANTS = `${ANCHORS_126}oracle-mutants/`;

function crdsIn(file: string): unknown[] {
  return kubectlValues(parseYamlDocuments(readFileSync(file, "utf8"), file));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * `changed` with every subtree equal to `original`'s at the same place replaced by that very
 * object, as a rebuild keeps the unchanged parts of the last run's CRD.
 */
function sharing(original: unknown, changed: unknown): unknown {
  if (!isObject(original) || !isObject(changed) || Array.isArray(original) !== Array.isArray(changed))
    return changed;
  let same = Object.keys(original).length === Object.keys(changed).length;
  const out: Record<string, unknown> | unknown[] = Array.isArray(changed) ? [] : {};
  for (const key of Object.keys(changed)) {
    const value = Object.hasOwn(original, key) ? sharing(original[key], changed[key]) : changed[key];
    if (value !== original[key]) same = false;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return same ? original : out;
}

const sources = readFileSync(`${MUTANTS}SOURCES.tsv`, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => l.split("\t") as [string, string]);

describe("validation memo", () => {
  it("reports on each oracle mutant what a fresh validation reports, before and after its original", () => {
    let shared = 0;
    for (const [mutantFile, source] of sources) {
      const [original] = crdsIn(`${SHARED}corpus/crds/${source}`);
      const mutants = crdsIn(MUTANTS + mutantFile);
      if (mutants.length !== 1) continue; // a mutant that split the stream: nothing to share
      const mutant = sharing(original, mutants[0]);
      if (mutant !== mutants[0]) shared++;
      const fresh = { original: validateCrd(original), mutant: validateCrd(mutants[0]) };
      const originalFirst = new ValidationMemo();
      expect(validateCrd(original, undefined, originalFirst)).toEqual(fresh.original);
      expect(validateCrd(mutant, undefined, originalFirst), mutantFile).toEqual(fresh.mutant);
      const mutantFirst = new ValidationMemo();
      expect(validateCrd(mutant, undefined, mutantFirst)).toEqual(fresh.mutant);
      expect(validateCrd(original, undefined, mutantFirst), mutantFile).toEqual(fresh.original);
      expect(validateCrd(mutant, undefined, mutantFirst), mutantFile).toEqual(fresh.mutant);
      expect(installSizeProblems(mutant, originalFirst)).toEqual(installSizeProblems(mutants[0]));
    }
    // The comparison means something only if the mutants did share their originals' subtrees.
    expect(shared).toBeGreaterThan(300);
  });

  it("reports nesting too deep where a subtree kept from a shallower place now sits", () => {
    let chain: JSONSchemaProps = { type: "string" };
    for (let i = 0; i < 200; i++) chain = { type: "object", properties: { a: chain } };
    const at = (depth: number): unknown => {
      let schema: JSONSchemaProps = chain;
      for (let i = 0; i < depth; i++) schema = { type: "object", properties: { b: schema } };
      return crdWithSpec(schema);
    };
    const memo = new ValidationMemo();
    expect(validateCrd(at(1), undefined, memo)).toEqual([]);
    const deep = validateCrd(at(120));
    expect(deep.length).toBeGreaterThan(0);
    expect(validateCrd(at(120), undefined, memo)).toEqual(deep);
  });

  it("converts to structural form a subtree kept from a shallower place only while it is not nested too deeply", () => {
    const chain = nested(600, { type: "string" });
    const memo = new ValidationMemo();
    expect(newStructural(chain, memo).ok).toBe(true);
    const deeper = nested(500, chain);
    expect(newStructural(deeper)).toEqual({ ok: false, error: "OpenAPIV3Schema is nested too deeply" });
    expect(newStructural(deeper, memo)).toEqual(newStructural(deeper));
  });

  it("counts a JSON size in full even after a count that stopped inside the same objects", () => {
    const crd = crdsIn(`${SHARED}corpus/crds/cert-manager/cert-manager.io_certificates.yaml`)[0];
    const memo = new WeakMap<object, number>();
    expect(goJsonSize(crd, 1000, memo)).toBeLessThan(goJsonSize(crd));
    expect(goJsonSize(crd, Infinity, memo)).toBe(goJsonSize(crd));
    expect(goJsonSize(crd, Infinity, memo)).toBe(goJsonSize(crd));
  });

  it("gives generated schemas and each of their mutations the errors of a fresh validation", () => {
    fc.assert(
      fc.property(
        specSchemaArb.chain((schema) => {
          const mutations = mutationsOf(schema);
          return fc.tuple(
            fc.constant(schema),
            mutations.length > 0 ? fc.constantFrom(...mutations) : fc.constant(undefined),
          );
        }),
        ([schema, mutation]) => {
          const before = crdWithSpec(schema);
          const changed = mutation ? applyMutation(schema, mutation) : schema;
          const after = sharing(before, crdWithSpec(changed));
          const memo = new ValidationMemo();
          expect(validateCrd(before, undefined, memo)).toEqual(validateCrd(before));
          expect(validateCrd(after, undefined, memo)).toEqual(validateCrd(after));
          expect(validateCrd(before, undefined, memo)).toEqual(validateCrd(before));
          // One object in two places, as a named type used twice can be: one conversion for both.
          const twice = crd({
            versions: [
              { ...version("v1"), schema: { openAPIV3Schema: object({ spec: changed, status: changed }) } },
            ],
          });
          expect(validateCrd(twice, undefined, new ValidationMemo())).toEqual(validateCrd(twice));
        },
      ),
      { numRuns: 150 },
    );
  });
});

function nested(levels: number, inner: JSONSchemaProps): JSONSchemaProps {
  let schema = inner;
  for (let i = 0; i < levels; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
}
