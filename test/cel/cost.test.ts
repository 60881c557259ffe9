import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { compileExpression, typedEnvironment } from "../../src/validate/cel/compile.js";
import { estimateCost } from "../../src/validate/cel/cost.js";
import { schemaDeclType } from "../../src/validate/cel/decl-type.js";
import { celErrorsForSchema, costErrorMessage } from "../../src/validate/cel/rules-walk.js";
import { DEFAULT_CEL_VERSION } from "../../src/validate/cel/version.js";
import { formatFieldError } from "../../src/validate/format.js";
import { V1_CREATE_OPTIONS } from "../../src/validate/options.js";

function estimate(schema: JSONSchemaProps, expr: string, result: "bool" | "string" = "bool") {
  const type = schemaDeclType(schema, false);
  if (!type) throw new Error("no type");
  const compiled = compileExpression(typedEnvironment(DEFAULT_CEL_VERSION, type, false), expr, result);
  if (compiled.kind !== "ok") throw new Error(JSON.stringify(compiled));
  return estimateCost(compiled.ast, type);
}

function cost(schema: JSONSchemaProps, expr: string): number {
  return estimate(schema, expr).max;
}

/** The cost of a string-valued expression (a messageExpression). */
function messageCost(schema: JSONSchemaProps, expr: string): number {
  return estimate(schema, expr, "string").max;
}

/** The expected numbers are cel-go's cost model worked out by hand (see each comment). */
describe("estimated rule cost", () => {
  const shortString: JSONSchemaProps = { type: "string", maxLength: 10 };
  const intList: JSONSchemaProps = { type: "array", maxItems: 10, items: { type: "integer" } };

  it("charges calls, idents and comparisons", () => {
    // size(): 1 + self (1) = 2; `>`: 1 + 2 + literal 0 = 3
    expect(cost(intList, "self.size() > 0")).toBe(3);
  });

  it("scales string functions with maxLength (4 bytes per character)", () => {
    // startsWith: ceil(3 * 0.1) + target 1
    expect(cost(shortString, "self.startsWith('abc')")).toBe(2);
    // matches: ceil((40 + 1) * 0.1) * ceil(8 * 0.25) + target 1
    expect(cost(shortString, "self.matches('^[a-z]+$')")).toBe(11);
  });

  it("multiplies comprehension bodies by the list size", () => {
    // range 1 + result 1 + 10 × (loop 2 + step (1 + `x > 0` = 2))
    expect(cost(intList, "self.all(x, x > 0)")).toBe(52);
    // unbounded strings make equality expensive: ceil(3145726 * 0.1) + 2 idents
    expect(
      cost(
        { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
        "self.a == self.b",
      ),
    ).toBe(314577);
  });

  it("prints the budget factor like Kubernetes", () => {
    expect(costErrorMessage("estimated rule cost", 11_010_057, 10_000_000)).toContain("factor of 1.101006x");
    expect(costErrorMessage("estimated rule cost", 200_100_000, 10_000_000)).toContain("factor of 20.0x");
    expect(costErrorMessage("estimated rule cost", 2e10, 10_000_000)).toContain("factor of more than 100x");
  });
});

/**
 * Type conversions, as cel-go v0.26 (Kubernetes 1.36) estimates them in `checker/cost.go`:
 * `functionCost` sizes only `bytes_to_string` (cost 0.1 per byte, result as long as the bytes)
 * and `string_to_bytes` (0.1 per character, result up to 4 bytes per character). Every other
 * conversion (`string(int)`, `string(string)`, `string(duration)`...) is the O(1) default: cost 1
 * plus its argument, and no result size, so `computeSize` finds nothing (a call has no schema
 * path) and the result's size is unknown, [0, 2^64-1]. A dyn argument matches every overload:
 * `costCall` takes the union of their costs and the one result size there is.
 * Sizes: `self` 1, a field select on an object 1 more; maxLength n is 4n bytes; an unbounded
 * string or int-or-string is 3 MiB - 2 = 3,145,726.
 */
describe("estimated cost of type conversions", () => {
  const schema: JSONSchemaProps = {
    type: "object",
    properties: {
      replicas: { type: "integer", maximum: 10 },
      ratio: { type: "number" },
      name: { type: "string", maxLength: 10 },
      data: { type: "string", format: "byte", maxLength: 10 },
      timeout: { type: "string", format: "duration" },
      at: { type: "string", format: "date-time" },
      port: { "x-kubernetes-int-or-string": true },
      shortPort: { "x-kubernetes-int-or-string": true, maxLength: 10 },
      counts: { type: "array", maxItems: 10, items: { type: "integer" } },
      anyCounts: { type: "array", items: { type: "integer" } },
    },
  };
  /** ceil((2^64-1) * 0.1), what concatenating a string of unknown size costs on its own. */
  const UNKNOWN_CONCAT = Math.ceil(2 ** 64 * 0.1);

  it("gives string(int) cost 1 and an unknown size, so concatenating it is unbounded", () => {
    // string(self.replicas): 1 + select 2 = 3, whatever `maximum` says.
    expect(messageCost(schema, "string(self.replicas)")).toBe(3);
    // '+': (10 + unknown) * 0.1 → ceil(1.8446744073709552e18), + 3: far over 10,000,000.
    expect(messageCost(schema, "'too many: ' + string(self.replicas)")).toBeGreaterThanOrEqual(
      UNKNOWN_CONCAT,
    );
    // Comparing it is cheap: the literal's size (1) bounds the traversal: 1 + 3.
    expect(cost(schema, "string(self.replicas) == '5'")).toBe(4);
  });

  it("leaves every O(1) conversion's result unsized", () => {
    for (const arg of ["self.ratio", "true", "1u", "self.name", "self.timeout", "self.at"]) {
      expect(messageCost(schema, `'x' + string(${arg})`), arg).toBeGreaterThanOrEqual(UNKNOWN_CONCAT);
    }
    // bytes(bytes) is O(1) too: size() of it is cheap, but the size is unknown.
    expect(cost(schema, "size(bytes(self.data)) > 0")).toBe(5);
  });

  it("sizes bytes_to_string and string_to_bytes", () => {
    // string(self.data): ceil(10 * 0.1) + 2 = 3; '+': ceil((1 + 10) * 0.1) = 2, + 3 = 5.
    expect(messageCost(schema, "'x' + string(self.data)")).toBe(5);
    // bytes(self.name): ceil(40 * 0.1) + 2 = 6, size up to 160; string(): ceil(16) + 6 = 22;
    // '+': ceil((3 + 160) * 0.1) = 17, + 22 = 39.
    expect(messageCost(schema, "string(bytes(self.name))")).toBe(22);
    expect(messageCost(schema, "'n: ' + string(bytes(self.name))")).toBe(39);
  });

  it("takes the union of all overloads for a dyn argument", () => {
    // bytes_to_string: ceil(3,145,726 * 0.1) = 314,573 (the O(1) overloads cost 1), + 2.
    expect(messageCost(schema, "string(self.port)")).toBe(314_575);
    // The result has bytes_to_string's size, 3,145,726: ceil(3,145,727 * 0.1) + 314,575.
    expect(messageCost(schema, "'x' + string(self.port)")).toBe(629_148);
    // maxLength 10 bounds an int-or-string to 40 bytes: ceil(4) + 2 = 6; ceil(4.1) + 6 = 11.
    expect(messageCost(schema, "'x' + string(self.shortPort)")).toBe(11);
    // dyn(x) keeps x's size: 40 → dyn 3, string ceil(4) + 3 = 7, '+' ceil(4.1) + 7 = 12.
    expect(messageCost(schema, "'x' + string(dyn(self.name))")).toBe(12);
    // string_to_bytes for bytes(dyn): 314,573 + 2, then size() 1 and `>` 1.
    expect(cost(schema, "size(bytes(self.port)) > 0")).toBe(314_577);
  });

  it("charges dyn operands of <, + and `in` like their costliest overload", () => {
    // Only less_string fits (dyn, string): min(3,145,726, 1) * 0.1 → 1, + 2.
    expect(cost(schema, "self.port < 'a'")).toBe(3);
    // (dyn, dyn) fits less_string: min(3,145,726, 40) * 0.1 = 4, + 4.
    expect(cost(schema, "self.port < self.shortPort")).toBe(8);
    // in_list over a dyn: its size, 3,145,726, + 2 (in_map would cost 1).
    expect(cost(schema, "'a' in self.port")).toBe(3_145_728);
  });

  it("multiplies conversions inside comprehensions by the list size", () => {
    // range 2 + result 1 + 10 × (loop 2 + step (1 + `string(x).size() < 5` = 4)) = 73
    expect(cost(schema, "self.counts.all(x, string(x).size() < 5)")).toBe(73);
    // Without maxItems: (3 MiB - 2) / (1 + 1) = 1,572,863 ints → 3 + 1,572,863 × 7.
    expect(cost(schema, "self.anyCounts.all(x, string(x).size() < 5)")).toBe(11_010_044);
    // join sizes its elements from the schema; a map() result has no path, so they are unknown.
    expect(messageCost(schema, "self.counts.map(x, string(x)).join(', ')")).toBeGreaterThanOrEqual(
      UNKNOWN_CONCAT,
    );
  });

  it("rejects a messageExpression concatenating string(int), and accepts format()", () => {
    // The documented `'...' + string(self.x)` is over budget on a real 1.36 API server too.
    const withMessage = (messageExpression: string): JSONSchemaProps => ({
      type: "object",
      properties: {
        spec: {
          type: "object",
          properties: { replicas: { type: "integer", maximum: 100 } },
          "x-kubernetes-validations": [{ rule: "self.replicas <= 10", messageExpression }],
        },
      },
    });
    const errors = (messageExpression: string): string[] =>
      celErrorsForSchema(withMessage(messageExpression), "spec.validation.openAPIV3Schema", V1_CREATE_OPTIONS)
        .map(formatFieldError)
        .sort();
    const at =
      "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].messageExpression";
    expect(errors("'too many: ' + string(self.replicas)")).toEqual(
      [
        "spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)",
        `${at}: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema`,
        `${at}: Forbidden: estimated messageExpression cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)`,
      ].sort(),
    );
    expect(errors("'too many: %d'.format([self.replicas])")).toEqual([]);
    expect(errors("string(self.replicas)")).toEqual([]);
  });
});
