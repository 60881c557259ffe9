import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { compileExpression, typedEnvironment } from "../../src/validate/cel/compile.js";
import { estimateCost } from "../../src/validate/cel/cost.js";
import { schemaDeclType } from "../../src/validate/cel/decl-type.js";
import { costErrorMessage } from "../../src/validate/cel/rules-walk.js";
import { DEFAULT_CEL_VERSION } from "../../src/validate/cel/version.js";

function cost(schema: JSONSchemaProps, expr: string): number {
  const type = schemaDeclType(schema, false);
  if (!type) throw new Error("no type");
  const compiled = compileExpression(typedEnvironment(DEFAULT_CEL_VERSION, type, false), expr, "bool");
  if (compiled.kind !== "ok") throw new Error(JSON.stringify(compiled));
  return estimateCost(compiled.ast, type).max;
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
