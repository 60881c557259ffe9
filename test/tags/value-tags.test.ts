/**
 * Field tags end to end, as the tester met them: `@format int32|int64` makes only a number an
 * integer, `@multipleOf` takes a number above 0, the flag and number forms of
 * `@exclusiveMinimum`/`@exclusiveMaximum`, and the messages of badly written values.
 */
import { describe, expect, test } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

/** The schema of `spec.f` for a field written with `doc` (a JSDoc body) and type `type`. */
function fieldSchema(doc: string, type: string, prelude = ""): JSONSchemaProps {
  return specSchema(withRoot(`{\n  /** ${doc} */\n  f?: ${type};\n}`, prelude)).properties!.f!;
}

/** Each error a field written with `doc` raises, as `message (hint)`. */
function fieldErrors(doc: string, type = "string"): string[] {
  return errorsOf(withRoot(`{\n  /** ${doc} */\n  f?: ${type};\n}`)).map(
    (d) => `${d.message} (${d.hint ?? ""})`,
  );
}

describe("@format int32 and int64 make a number an integer, and nothing else", () => {
  const PRELUDE = "type int32 = number;\ntype Port = number;\ntype Name = string;";

  test.each([
    ["@format int32", "number", { type: "integer", format: "int32" }],
    ["@format int64", "number | null", { type: "integer", format: "int64", nullable: true }],
    ["@format int64", "int32", { type: "integer", format: "int64" }],
    // A named type is known only once inlined; a number alias is the usual one.
    ["@format int32", "Port", { type: "integer", format: "int32" }],
    ["@schemaType integer\n   * @format int64", "Date", { type: "integer", format: "int64" }],
    ["@format int64\n   * @schemaType integer", "Date", { type: "integer", format: "int64" }],
    // With @schemaless the tags alone make the schema.
    ["@schemaless\n   * @format int32", "{ a: string }", { type: "integer", format: "int32" }],
    ["@format double", "number", { type: "number", format: "double" }],
  ])("%s on %s", (doc, type, schema) => {
    expect(fieldSchema(doc, type, PRELUDE)).toEqual(schema);
  });

  // Before, each of these became `type: integer`, which no value of the field can pass.
  test.each([
    ["@format int64", "string", { type: "string", format: "int64" }],
    ["@format int32", "boolean", { type: "boolean", format: "int32" }],
    ["@format int32", '"a" | "b"', { type: "string", enum: ["a", "b"], format: "int32" }],
    ["@format int32", "string | null", { type: "string", format: "int32", nullable: true }],
    ["@format int64", "Date", { type: "string", format: "int64" }],
    // A named string type too: inlining tells it is no number.
    ["@format int64", "Name", { type: "string", format: "int64" }],
    ["@format int64", "unknown", { "x-kubernetes-preserve-unknown-fields": true, format: "int64" }],
  ])("%s on %s keeps the type", (doc, type, schema) => {
    expect(fieldSchema(doc, type, PRELUDE)).toEqual(schema);
  });

  test("a list's type is kept", () => {
    expect(fieldSchema("@format int32", "number[]").type).toBe("array");
  });
});

describe("@multipleOf", () => {
  test.each([
    ["@multipleOf 2", 2],
    ["@multipleOf 0.01", 0.01],
  ])("%s", (doc, multipleOf) => {
    expect(fieldSchema(doc, "number")).toEqual({ type: "number", multipleOf });
  });

  test.each([
    ["@multipleOf 0", "@multipleOf must be greater than 0, got 0. (write @multipleOf <number>)"],
    ["@multipleOf -2", "@multipleOf must be greater than 0, got -2. (write @multipleOf <number>)"],
  ])("%s is an error", (doc, message) => {
    expect(fieldErrors(doc, "number")).toEqual([message]);
  });
});

describe("@exclusiveMinimum and @exclusiveMaximum", () => {
  test.each([
    ["@exclusiveMinimum 1", { minimum: 1, exclusiveMinimum: true }],
    ["@minimum 0 @exclusiveMinimum", { minimum: 0, exclusiveMinimum: true }],
    ["@exclusiveMinimum true @minimum 0", { minimum: 0, exclusiveMinimum: true }],
    ["@maximum 5 @exclusiveMaximum", { maximum: 5, exclusiveMaximum: true }],
    ["@exclusiveMaximum @maximum 5", { maximum: 5, exclusiveMaximum: true }],
    ["@exclusiveMaximum 5 @minimum 1", { maximum: 5, exclusiveMaximum: true, minimum: 1 }],
  ])("%s", (doc, keywords) => {
    expect(fieldSchema(doc, "number")).toEqual({ type: "number", ...keywords });
  });
});

describe("messages of badly written values", () => {
  test.each([
    [
      "@externalDocs url=not a url",
      '@externalDocs url=not is followed by "a url": a value with spaces needs quotes. (write url="not a url")',
    ],
    [
      '@externalDocs url="not a url"',
      '@externalDocs url must be an absolute URL, got "not a url". (write @externalDocs url=<url> [description="..."])',
    ],
    [
      "@externalDocs url=https://a.io description=More docs",
      '@externalDocs description=More is followed by "docs": a value with spaces needs quotes. (write description="More docs")',
    ],
    [
      "@exampleValue {a: 1}",
      '@exampleValue expects a JSON value, got {a: 1}. (JSON quotes keys and strings with ": write @exampleValue {"a": 1})',
    ],
    [
      "@default {a: 1}",
      '@default expects a JSON value, got {a: 1}. (JSON quotes keys and strings with ": write @default {"a": 1})',
    ],
    [
      "@validation rule=self.size() > 1",
      '@validation rule=self.size() is followed by "> 1": a value with spaces needs quotes. (write rule="self.size() > 1")',
    ],
  ])("%s", (doc, message) => {
    expect(fieldErrors(doc)).toEqual([message]);
  });

  test("a quoted value loses the backslash before a quote or a backslash only", () => {
    const doc = String.raw`@validation rule="self.matches('^a\\\\.b$')" message="a \"b\" c\.d"`;
    expect(fieldSchema(doc, "string")).toEqual({
      type: "string",
      "x-kubernetes-validations": [
        { rule: String.raw`self.matches('^a\\.b$')`, message: String.raw`a "b" c\.d` },
      ],
    });
  });
});

describe("@validation wrapped over several comment lines", () => {
  // Kubernetes refuses a line break in a message; a long tag wrapped in a doc comment is one line.
  test("the message's lines are joined with a space, the rule's kept (CEL reads a line break as a space)", () => {
    const source = withRoot(
      '{\n  /**\n   * @validation rule="self.size() >\n   *   1" message="must be longer\n   *   than one letter"\n   */\n  f?: string;\n}',
    );
    expect(errorsOf(source)).toEqual([]);
    expect(specSchema(source).properties!.f!["x-kubernetes-validations"]).toEqual([
      { rule: "self.size() >\n  1", message: "must be longer than one letter" },
    ]);
  });
});
