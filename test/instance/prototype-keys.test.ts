/**
 * Property names and data keys that are also members of Object.prototype (`constructor`,
 * `valueOf`, `__proto__`, ...) are ordinary names to Kubernetes. Custom resources using them, as
 * declared properties, map keys, list-map keys and labels, must get exactly the verdict a model
 * of the API server predicts: never an internal error, never a property found on the prototype.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { validateCrd } from "../../src/validate/index.js";
import { validateInstance } from "../../src/validate/instance/index.js";
import { crdWithSpec } from "../helpers/crds.js";

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);
const KEYS = [...PROTOTYPE_KEYS, "plain"];

/** Kubernetes' CEL escaping of a property name that is an identifier: `__` → `__underscores__`. */
function celName(k: string): string {
  return k.replace(/__/g, "__underscores__");
}

/** A YAML/JSON decoder gives `__proto__` as an own key; so does JSON.parse. */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, unknown>;
}

type Value = "ok" | "toolong" | 5 | null;
const value = fc.constantFrom<Value>("ok", "toolong", 5, null);
/** A value after defaulting. */
type Present = Exclude<Value, null> | "d";
const entries = fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), value), {
  selector: ([k]) => k,
  maxLength: 6,
});

interface Scenario {
  declared: string[];
  required: string[];
  defaulted: string[];
  spec: Array<[string, Value]>;
  map: Array<[string, Value]>;
  listKey: string;
  listItems: string[];
  labels: string[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 5 })
  .chain((declared) =>
    fc.record({
      declared: fc.constant(declared),
      required: fc.subarray(declared),
      defaulted: fc.subarray(declared),
      spec: entries,
      map: entries,
      listKey: fc.constantFrom(...KEYS),
      listItems: fc.array(fc.constantFrom("a", "b"), { maxLength: 3 }),
      labels: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 4 }),
    }),
  );

function specSchema(s: Scenario): JSONSchemaProps {
  const first = s.declared[0] ?? "plain";
  const declared = Object.fromEntries(
    s.declared.map((k) => [
      k,
      { type: "string", maxLength: 4, ...(s.defaulted.includes(k) ? { default: "d" } : {}) },
    ]),
  );
  return {
    type: "object",
    required: s.required,
    properties: {
      ...declared,
      map: {
        type: "object",
        maxProperties: 20,
        additionalProperties: { type: "string", maxLength: 10 },
        "x-kubernetes-validations": [{ rule: "self.all(k, size(self[k]) <= 4)", message: "values too long" }],
      },
      list: {
        type: "array",
        maxItems: 5,
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": [s.listKey],
        items: {
          type: "object",
          required: [s.listKey],
          properties: { [s.listKey]: { type: "string", maxLength: 4 } },
        },
      },
    },
    "x-kubernetes-validations": [{ rule: `has(self.${celName(first)})`, message: "first is missing" }],
  };
}

function instanceOf(s: Scenario): Record<string, unknown> {
  return {
    apiVersion: "example.com/v1",
    kind: "Widget",
    metadata: { name: "w", labels: objectOf(s.labels.map((k) => [k, "v"])) },
    spec: {
      ...objectOf(s.spec),
      map: objectOf(s.map),
      list: s.listItems.map((v) => objectOf([[s.listKey, v]])),
    },
  };
}

/** What the API server reports, derived from the scenario alone. */
function expected(s: Scenario): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  let blocked = false;
  const blocking = (e: string) => {
    errors.push(e);
    blocked = true;
  };
  // Labels: a key must begin and end with an alphanumeric character.
  for (const k of s.labels) if (/^_|_$/.test(k)) errors.push("metadata.labels FieldValueInvalid");
  // Declared string properties: unknown keys are pruned, nulls dropped or defaulted.
  const present = new Map<string, Present>();
  for (const [k, v] of s.spec) {
    if (!s.declared.includes(k)) warnings.push(`spec.${k}`);
    else if (v !== null) present.set(k, v);
    else if (s.defaulted.includes(k)) present.set(k, "d");
  }
  for (const k of s.defaulted) if (!s.spec.some(([key]) => key === k)) present.set(k, "d");
  for (const [k, v] of present) {
    if (v === 5) blocking(`spec.${k} FieldValueInvalid`);
    if (v === "toolong") blocking(`spec.${k} FieldValueTooLong`);
  }
  for (const k of s.required) if (!present.has(k)) blocking(`spec.${k} FieldValueRequired`);
  // Map entries: null values are dropped, numbers are of the wrong type.
  const mapValues: Present[] = [];
  for (const [k, v] of s.map) {
    if (v === 5) blocking(`spec.map.${k} FieldValueInvalid`);
    if (v !== null) mapValues.push(v);
  }
  // List map: an item repeating an earlier key is a duplicate.
  s.listItems.forEach((v, i) => {
    if (s.listItems.indexOf(v) !== i) errors.push(`spec.list[${i}] FieldValueDuplicate`);
  });
  if (blocked) {
    errors.push(" FieldValueInvalid");
  } else {
    if (!present.has(s.declared[0] ?? "plain")) errors.push("spec FieldValueInvalid");
    if (mapValues.some((v) => typeof v === "string" && v.length > 4))
      errors.push("spec.map FieldValueInvalid");
  }
  return { errors: errors.sort(), warnings: warnings.sort() };
}

function keys(errors: readonly FieldError[]): string[] {
  return errors.map((e) => `${e.field} ${e.type}`).sort();
}

describe("data keys named like Object.prototype members", () => {
  it("covers every own property of Object.prototype", () => {
    expect(PROTOTYPE_KEYS).toEqual(
      expect.arrayContaining(["constructor", "valueOf", "toString", "__proto__"]),
    );
  });

  it("get the verdict Kubernetes gives, as properties, map keys, list-map keys and labels", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const crd = crdWithSpec(specSchema(s));
        expect(validateCrd(structuredClone(crd)).map(formatFieldError)).toEqual([]);
        const result = validateInstance(crd, instanceOf(s));
        const want = expected(s);
        expect(result.errors.filter((e) => e.type === "InternalError")).toEqual([]);
        expect(keys(result.errors)).toEqual(want.errors);
        expect(result.warnings.map((w) => w.field).sort()).toEqual(want.warnings);
      }),
      { numRuns: 300 },
    );
  });

  it("are defaulted as own properties, `__proto__` included", () => {
    const s: Scenario = {
      declared: ["__proto__", "valueOf"],
      required: ["__proto__", "valueOf"],
      defaulted: ["__proto__", "valueOf"],
      spec: [],
      map: [],
      listKey: "constructor",
      listItems: [],
      labels: [],
    };
    expect(validateInstance(crdWithSpec(specSchema(s)), instanceOf(s))).toEqual({ errors: [], warnings: [] });
  });
});
