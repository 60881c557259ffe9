/**
 * CRD schemas whose property names are also members of Object.prototype (`constructor`,
 * `valueOf`, `__proto__`, ...): structural completeness, list-map keys, rule field paths, CEL
 * field access and defaults must treat them as ordinary names, with exactly the errors a model
 * of Kubernetes' rules predicts and never an internal error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { validateCrd } from "../../src/validate/index.js";

const KEYS = [...Object.getOwnPropertyNames(Object.prototype), "plain"];
const SCHEMA = "spec.validation.openAPIV3Schema";
const SPEC = `${SCHEMA}.properties[spec]`;

/** Kubernetes' CEL escaping of a property name that is an identifier: `__` → `__underscores__`. */
function celName(k: string): string {
  return k.replace(/__/g, "__underscores__");
}

interface Scenario {
  rootProps: string[];
  clauseProps: string[];
  specProps: string[];
  defaults: Array<[string, "d" | "dd"]>;
  ruleField: string;
  fieldPath: string;
  listKey: string;
  itemProps: string[];
}

const names = (min = 0) => fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: min, maxLength: 5 });

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    rootProps: names(),
    clauseProps: names(1),
    specProps: names(),
    ruleField: fc.constantFrom(...KEYS),
    fieldPath: fc.constantFrom(...KEYS),
    listKey: fc.constantFrom(...KEYS),
    itemProps: names(),
  })
  .chain(
    (s) =>
      fc.record({
        ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fc.constant(v)])),
        defaults: fc.uniqueArray(
          fc.tuple(
            fc.constantFrom(...(s.specProps.length > 0 ? s.specProps : ["plain"])),
            fc.constantFrom<"d" | "dd">("d", "dd"),
          ),
          { selector: ([k]) => k, maxLength: 3 },
        ),
      }) as fc.Arbitrary<Scenario>,
  )
  .filter((s) => s.defaults.every(([k]) => s.specProps.includes(k)));

function strings(ks: readonly string[], extra: (k: string) => JSONSchemaProps = () => ({})) {
  return Object.fromEntries(ks.map((k) => [k, { type: "string", ...extra(k) } as JSONSchemaProps]));
}

function crdOf(s: Scenario): unknown {
  const defaults = new Map(s.defaults);
  const spec: JSONSchemaProps = {
    type: "object",
    properties: {
      ...strings(s.specProps, (k) => ({
        maxLength: 1,
        ...(defaults.has(k) ? { default: defaults.get(k) } : {}),
      })),
      list: {
        type: "array",
        maxItems: 4,
        "x-kubernetes-list-type": "map",
        "x-kubernetes-list-map-keys": [s.listKey],
        items: {
          type: "object",
          required: [s.listKey],
          properties: strings(s.itemProps, () => ({ maxLength: 4 })),
        },
      },
    },
    "x-kubernetes-validations": [{ rule: `has(self.${celName(s.ruleField)})` }],
  };
  const root: JSONSchemaProps = {
    type: "object",
    properties: { ...strings(s.rootProps), spec },
    anyOf: [{ properties: Object.fromEntries(s.clauseProps.map((k) => [k, { maxLength: 3 }])) }],
    "x-kubernetes-validations": [{ rule: "true", fieldPath: `.spec.${s.fieldPath}` }],
  };
  // Through JSON, as a decoded file gives it: `__proto__` is then an own key like any other.
  return JSON.parse(
    JSON.stringify({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: root } }],
      },
    }),
  );
}

/**
 * Structural errors (here: an anyOf property the schema does not declare) skip the checks of
 * defaults, and invalid defaults skip CEL compilation (reference §9-§11); so does an error
 * below the rule's node (here a bad list-map key). A rule's fieldPath is checked in any case.
 */
function expected(s: Scenario): string[] {
  const errors: string[] = [];
  const incomplete = s.clauseProps.filter((k) => !s.rootProps.includes(k));
  for (const k of incomplete) errors.push(`${SCHEMA}.properties[${k}] FieldValueRequired`);
  const badListKey = !s.itemProps.includes(s.listKey);
  if (badListKey) errors.push(`${SPEC}.properties[list].x-kubernetes-list-map-keys FieldValueInvalid`);
  const badDefaults = incomplete.length > 0 ? [] : s.defaults.filter(([, d]) => d === "dd");
  for (const [k] of badDefaults) errors.push(`${SPEC}.properties[${k}].default FieldValueTooLong`);
  if (!s.specProps.includes(s.fieldPath))
    errors.push(`${SCHEMA}.x-kubernetes-validations[0].fieldPath FieldValueInvalid`);
  const compiled = incomplete.length === 0 && badDefaults.length === 0 && !badListKey;
  if (!s.specProps.includes(s.ruleField) && compiled)
    errors.push(`${SPEC}.x-kubernetes-validations[0].rule FieldValueInvalid`);
  return errors.sort();
}

describe("CRD property names that are Object.prototype members", () => {
  it("get exactly the errors Kubernetes reports", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const got = validateCrd(crdOf(s)).map((e) => `${e.field} ${e.type}`);
        expect(got.filter((e) => e.endsWith(" InternalError"))).toEqual([]);
        expect(got.sort()).toEqual(expected(s));
      }),
      { numRuns: 300 },
    );
  });
});
