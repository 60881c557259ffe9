import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRD_ERROR_TYPES } from "../helpers/field-error-types.js";
import type { JSONSchemaProps, ValidationRule } from "../../src/schema/types.js";
import { celErrorsForSchema } from "../../src/validate/cel/index.js";
import { type ValidationOptions, V1_CREATE_OPTIONS } from "../../src/validate/options.js";

const OPTIONS: ValidationOptions = V1_CREATE_OPTIONS;

/** Fragments that make random text look like CEL often enough to reach the checker and coster. */
const TOKENS = [
  "self",
  "oldSelf",
  ".",
  "a",
  "b",
  "list",
  "map",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "==",
  "!=",
  "<",
  "+",
  "&&",
  "||",
  "!",
  "?",
  ":",
  ",",
  "1",
  "1.5",
  "'x'",
  '"y"',
  "true",
  "null",
  "has(",
  "all(",
  "exists(",
  "exists_one(",
  "map(",
  "filter(",
  "x",
  "size(",
  "matches(",
  "'^a+$'",
  "?.",
  "orValue(",
  "optional.of(",
  "quantity(",
  "'1Gi'",
  "ip(",
  "cidr(",
  "url(",
  "format.named(",
  "sets.contains(",
  "duration(",
  "timestamp(",
  "dyn(",
  "int(",
  "string(",
  "cel.bind(",
  "in",
  "-",
  "*",
];

const ruleText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join("")),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join(" ")),
);

const rule: fc.Arbitrary<ValidationRule> = fc.record(
  {
    rule: ruleText,
    message: fc.string({ maxLength: 10 }),
    messageExpression: ruleText,
    reason: fc.constantFrom("FieldValueInvalid", "FieldValueForbidden", "Bogus"),
    fieldPath: fc.constantFrom(".a", ".list", "['b']", ".nope", "", "[", ".map['k']"),
    optionalOldSelf: fc.boolean(),
  },
  { requiredKeys: ["rule"] },
);

function schemaWith(rootRules: ValidationRule[], nestedRules: ValidationRule[]): JSONSchemaProps {
  return {
    type: "object",
    "x-kubernetes-validations": rootRules,
    properties: {
      a: { type: "string", maxLength: 20, "x-kubernetes-validations": nestedRules },
      b: { type: "integer" },
      list: { type: "array", items: { type: "string", "x-kubernetes-validations": nestedRules } },
      map: {
        type: "object",
        additionalProperties: { type: "integer" },
        "x-kubernetes-validations": nestedRules,
      },
      ios: { "x-kubernetes-int-or-string": true, "x-kubernetes-validations": nestedRules },
    },
  };
}

describe("celErrorsForSchema on random rules", () => {
  it("never throws and returns well-formed field errors", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 3 }), fc.array(rule, { maxLength: 3 }), (root, nested) => {
        const errors = celErrorsForSchema(
          schemaWith(root, nested),
          "spec.validation.openAPIV3Schema",
          OPTIONS,
        );
        for (const e of errors) {
          expect(CRD_ERROR_TYPES.has(e.type)).toBe(true);
          expect(e.field.startsWith("spec.validation.openAPIV3Schema")).toBe(true);
          expect(typeof e.detail).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });
});
