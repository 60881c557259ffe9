/**
 * Compile errors read as cel-go prints them in Kubernetes' messages, place included: the engine's
 * own wording is translated (src/validate/cel/error-format.ts).
 */
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { checkingEnvironment, compileExpression, typedEnvironment } from "../../src/validate/cel/compile.js";
import { schemaDeclType } from "../../src/validate/cel/decl-type.js";
import { DEFAULT_CEL_VERSION } from "../../src/validate/cel/version.js";

const SCHEMA: JSONSchemaProps = {
  type: "object",
  properties: {
    count: { type: "integer" },
    name: { type: "string" },
    on: { type: "boolean" },
    ratio: { type: "number" },
  },
};

/** The first line of the error in both of crdgen's environments (full and per-rule). */
function errors(rule: string): string[] {
  const type = schemaDeclType(SCHEMA, false)!;
  return [
    typedEnvironment(DEFAULT_CEL_VERSION, type, false),
    checkingEnvironment(DEFAULT_CEL_VERSION, type, false, [rule]),
  ].map((env) => {
    const result = compileExpression(env, rule, "bool");
    return result.kind === "error" ? (result.detail.split("\n")[0] ?? "") : result.kind;
  });
}

describe("a field selected from a value that has none", () => {
  it.each([
    ["self.count.min < 3", "ERROR: <input>:1:11: type 'int' does not support field selection"],
    ["self.name.size > 0", "ERROR: <input>:1:10: type 'string' does not support field selection"],
    ["self.on.value", "ERROR: <input>:1:8: type 'bool' does not support field selection"],
    ["self.ratio .x == 1.0", "ERROR: <input>:1:12: type 'double' does not support field selection"],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });

  it("an undefined field of an object is still cel-go's undefined field", () => {
    expect(errors("self.nope == 1")[0]).toBe("ERROR: <input>:1:5: undefined field 'nope'");
  });
});
