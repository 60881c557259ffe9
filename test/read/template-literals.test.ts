/**
 * Template literal types become strings with a `pattern` of their text (src/schema/template-pattern.ts);
 * unions of them, and with string literals, become one pattern (transforms/union-lowering.ts).
 */
import { describe, expect, it } from "vitest";
import { generateFrom, specSchema, withRoot } from "../helpers/generate.js";
import { compileOpenApi } from "../helpers/ajv.js";
import { re2Test } from "../../src/validate/cel/re2.js";

const field = (body: string, name = "f") => specSchema(withRoot(`{ ${body} }`)).properties![name]!;

describe("template literal types", () => {
  it("are strings with the pattern of their text", () => {
    expect(field("f: `${number}Mi`;")).toEqual({ type: "string", pattern: "Mi$" });
    expect(field("f: `arn:aws:${string}`;")).toEqual({ type: "string", pattern: "^arn:aws:" });
    expect(field("f: `${string}.example.com`[];")).toEqual({
      type: "array",
      items: { type: "string", pattern: "\\.example\\.com$" },
    });
    expect(field("f: Record<string, `#${string}`>;")).toEqual({
      type: "object",
      additionalProperties: { type: "string", pattern: "^#" },
    });
    expect(field("f?: `v${number}` | null;")).toEqual({ type: "string", pattern: "^v", nullable: true });
  });

  it("carry no pattern when they have no text, or are a string mapping", () => {
    expect(field("f: `${string}${number}`;")).toEqual({ type: "string" });
    expect(field("f: Uppercase<string>;")).toEqual({ type: "string" });
  });

  it("keep their pattern through a named alias, whose doc comment applies", () => {
    const schema = specSchema(
      withRoot(
        "{ size: Mebibytes }",
        "/** A size in mebibytes. */\nexport type Mebibytes = `${number}Mi`;\n",
      ),
    );
    expect(schema.properties!.size).toEqual({
      type: "string",
      pattern: "Mi$",
      description: "A size in mebibytes.",
    });
  });

  it("give way to a @pattern tag on the property", () => {
    expect(field("\n  /** @pattern ^[0-9]+Mi$ */\n  f: `${number}Mi`;\n")).toEqual({
      type: "string",
      pattern: "^[0-9]+Mi$",
    });
  });

  it("in a union with each other and with string literals, make one pattern that admits each member", () => {
    const union = field('f: `a-${string}` | `b-${string}` | "x.y";');
    expect(union.type).toBe("string");
    const validate = compileOpenApi(union);
    for (const ok of ["a-1", "b-", "x.y"]) {
      expect(validate(ok), ok).toBe(true);
      expect(re2Test(union.pattern!, ok), ok).toBe(true);
    }
    for (const bad of ["c-1", "x", "xzy", "x.yz", "-a-"]) {
      expect(validate(bad), bad).toBe(false);
      expect(re2Test(union.pattern!, bad), bad).toBe(false);
    }
  });

  it("widen to a plain string beside `string`, and are an error beside another type", () => {
    expect(field("f: `a-${string}` | string;")).toEqual({ type: "string" });
    const mixed = generateFrom(withRoot("{ f: `a-${string}` | number }"));
    expect(mixed.ok).toBe(false);
    expect(mixed.diagnostics.map((d) => d.code)).toEqual(["CRD1010"]);
  });

  it("beside numbers in an @intOrString field, constrain the strings only", () => {
    const percent = field('\n  /** @intOrString */\n  f: number | `${number}%` | "auto";\n');
    expect(percent).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }],
      "x-kubernetes-int-or-string": true,
      pattern: "(?:%$)|^(?:auto)$",
    });
    const validate = compileOpenApi(percent);
    for (const ok of [0, 25, "25%", "auto"]) expect(validate(ok), String(ok)).toBe(true);
    for (const bad of ["25", "manual"]) expect(validate(bad), bad).toBe(false);
  });
});
