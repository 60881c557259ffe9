/**
 * Is `crdgen diff` sound? Kubernetes' own instance validation (`validateInstance`: pruning,
 * defaulting, schema and CEL rules, as the API server does on create) is the oracle: when one
 * mutation of a schema makes the new CRD refuse an object the old one accepted, or read it
 * differently (a field pruned away, a value defaulted otherwise), `diffCrds` must call the change
 * breaking. Values the new CRD only adds to (a default filled in where there was none, unknown
 * fields now kept, a null now kept) are what README calls compatible.
 *
 * CI runs a fixed seed; `CRDGEN_SOUNDNESS_RUNS=5000 CRDGEN_SOUNDNESS_SEED=<n>` hunts longer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffCrds } from "../../src/diff/index.js";
import type { CustomResourceDefinition, JSONSchemaProps, JsonValue } from "../../src/schema/types.js";
import { validateCrd } from "../../src/validate/index.js";
import { validateInstance } from "../../src/validate/instance/index.js";
import { applyDefaults, dropNonNullableNulls } from "../../src/validate/instance/defaults.js";
import { pruneUnknownFields } from "../../src/validate/instance/prune.js";
import { crdWithSpec } from "../helpers/crds.js";
import {
  applyMutation,
  mutationsOf,
  specSchemaArb,
  valueArb,
  type Mutation,
} from "../helpers/schema-mutation.js";

const RUNS = Number(process.env.CRDGEN_SOUNDNESS_RUNS ?? 500);
const SEED = Number(process.env.CRDGEN_SOUNDNESS_SEED ?? 20_260_514);

type Json = JsonValue | undefined;

function resource(spec: JsonValue): Record<string, JsonValue> {
  return {
    apiVersion: "example.com/v1",
    kind: "Widget",
    metadata: { name: "w", namespace: "default" },
    spec,
  };
}

/** What the API server makes of a request body before it validates it: pruned, nulls dropped, defaulted. */
function decoded(crd: CustomResourceDefinition, object: JsonValue): Record<string, JsonValue> {
  const copy = structuredClone(object) as Record<string, JsonValue>;
  const schema = crd.spec.versions[0]?.schema?.openAPIV3Schema as JSONSchemaProps;
  pruneUnknownFields(copy, schema);
  dropNonNullableNulls(copy, schema);
  applyDefaults(copy, schema);
  return copy;
}

/** The first place where `after` lost or altered something `before` held (`after` may hold more). */
function lost(before: Json, after: Json, at = ""): string | undefined {
  if (after === undefined) return at || "(root)";
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return at;
    for (let i = 0; i < before.length; i++) {
      const where = lost(before[i], after[i], `${at}[${i}]`);
      if (where !== undefined) return where;
    }
    return undefined;
  }
  if (before !== null && typeof before === "object") {
    if (after === null || typeof after !== "object" || Array.isArray(after)) return at;
    for (const [k, v] of Object.entries(before)) {
      const where = lost(v, after[k], `${at}.${k}`);
      if (where !== undefined) return where;
    }
    return undefined;
  }
  return before === after ? undefined : at;
}

/** Why the new CRD treats `value` (accepted by the old one) worse, or undefined when it does not. */
function witness(
  oldCrd: CustomResourceDefinition,
  newCrd: CustomResourceDefinition,
  value: JsonValue,
): string | undefined {
  const request = resource(value);
  const refused = validateInstance(newCrd, request).errors;
  if (refused.length > 0) return `the same request is refused: ${refused[0]?.field} ${refused[0]?.detail}`;
  const differs = lost(decoded(oldCrd, request), decoded(newCrd, request));
  if (differs !== undefined) return `the same request is stored otherwise at ${differs}`;
  // What the old CRD stored, read and written back under the new one.
  const stored = decoded(oldCrd, request);
  const rewritten = validateInstance(newCrd, stored).errors;
  if (rewritten.length > 0)
    return `the stored object is refused on its next write: ${rewritten[0]?.field} ${rewritten[0]?.detail}`;
  const reread = lost(stored, decoded(newCrd, stored));
  if (reread !== undefined) return `the stored object loses or changes ${reread}`;
  return undefined;
}

/**
 * Accepted as it is: no error, and no warning. A field the API server prunes (with a warning,
 * `unknown field`) was never part of the API, so a new property or `x-kubernetes-preserve-unknown-fields`
 * that starts checking or counting such fields is compatible, as README says of `field-added`.
 */
function accepts(c: CustomResourceDefinition, value: JsonValue): boolean {
  const { errors, warnings } = validateInstance(c, resource(value));
  return errors.length === 0 && warnings.length === 0;
}

/** An old spec schema the API server takes, values it accepts, and a few single mutations of it. */
const caseArb = specSchemaArb
  .filter((spec) => validateCrd(crdWithSpec(spec)).length === 0)
  .chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      // Several mutations of one schema share its values, which are the costly part to check.
      mutations: fc.uniqueArray(fc.constantFrom(...mutationsOf(spec)), {
        minLength: 1,
        maxLength: 6,
        selector: (m) => m.label,
      }),
      values: fc.array(valueArb(spec), { minLength: 4, maxLength: 12 }),
    }),
  )
  .map(({ spec, mutations, values }) => {
    const oldCrd = crdWithSpec(spec);
    return { spec, mutations, oldCrd, values: values.filter((v) => accepts(oldCrd, v)) };
  });

interface Case {
  mutation: Mutation;
  oldCrd: CustomResourceDefinition;
  newCrd: CustomResourceDefinition;
  values: JsonValue[];
}

/** Each mutation of the case whose CRD the API server takes, as a case of its own. */
function cases(c: {
  spec: JSONSchemaProps;
  mutations: Mutation[];
  oldCrd: CustomResourceDefinition;
  values: JsonValue[];
}): Case[] {
  return c.mutations
    .map((mutation) => ({ ...c, mutation, newCrd: crdWithSpec(applyMutation(c.spec, mutation)) }))
    .filter(({ newCrd }) => validateCrd(newCrd).length === 0);
}

function describeCase({ mutation, oldCrd, newCrd }: Case): string {
  const spec = (c: CustomResourceDefinition) => c.spec.versions[0]?.schema?.openAPIV3Schema?.properties?.spec;
  return `${mutation.label}\nold spec: ${JSON.stringify(spec(oldCrd))}\nnew spec: ${JSON.stringify(spec(newCrd))}`;
}

describe("diff soundness, with Kubernetes' instance validation as the oracle", () => {
  it("a change that refuses or rereads a value the old CRD accepted is breaking", () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        for (const c of cases(generated)) {
          const changes = diffCrds([c.oldCrd], [c.newCrd]);
          if (changes.some((change) => change.breaking)) continue;
          for (const value of c.values) {
            const why = witness(c.oldCrd, c.newCrd, value);
            if (why !== undefined) {
              throw new Error(
                `${describeCase(c)}\nvalue: ${JSON.stringify(value)}\n${why}\nbut diff says: ${JSON.stringify(changes.map((x) => `${x.kind} ${x.message}`))}`,
              );
            }
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a loosening (a limit removed or widened, an enum value added, a rule removed) is never breaking", () => {
    let loosenings = 0;
    fc.assert(
      fc.property(caseArb, (generated) => {
        for (const c of cases(generated)) {
          if (!c.mutation.loosens) continue;
          loosenings++;
          const breaking = diffCrds([c.oldCrd], [c.newCrd]).filter((change) => change.breaking);
          expect(breaking, describeCase(c)).toEqual([]);
          // And the oracle agrees that it refuses nothing: else the generator's label lies.
          for (const value of c.values)
            expect(witness(c.oldCrd, c.newCrd, value), describeCase(c)).toBeUndefined();
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    // The generator must reach the property at all.
    expect(loosenings).toBeGreaterThan(RUNS / 20);
  });

  it("the oracle sees a tightening: maxLength lowered refuses a longer value", () => {
    const oldCrd = crdWithSpec({ type: "object", properties: { a: { type: "string", maxLength: 5 } } });
    const newCrd = crdWithSpec({ type: "object", properties: { a: { type: "string", maxLength: 2 } } });
    expect(witness(oldCrd, newCrd, { a: "abc" })).toMatch(/refused/);
    expect(witness(oldCrd, newCrd, { a: "ab" })).toBeUndefined();
    expect(witness(newCrd, oldCrd, { a: "ab" })).toBeUndefined();
  });

  it("the oracle sees a value read otherwise: a field removed is pruned, a default changed", () => {
    const a = { type: "object", properties: { a: { type: "integer", default: 1 }, b: { type: "string" } } };
    const removed = { type: "object", properties: { a: { type: "integer", default: 1 } } };
    const redefaulted = {
      type: "object",
      properties: { a: { type: "integer", default: 2 }, b: { type: "string" } },
    };
    expect(witness(crdWithSpec(a), crdWithSpec(removed), { b: "x" })).toMatch(
      /stored otherwise at \.spec\.b/,
    );
    expect(witness(crdWithSpec(a), crdWithSpec(redefaulted), {})).toMatch(/stored otherwise at \.spec\.a/);
    // A default added only adds: not a witness.
    expect(witness(crdWithSpec(removed), crdWithSpec(a), {})).toBeUndefined();
  });
});
