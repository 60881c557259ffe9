/**
 * `@schemaType string` on an object type keeps the type's properties, which Kubernetes accepts
 * on a string and never checks: an error (CRD3007) at the @schemaType tag, unless @schemaless
 * drops them (the tags alone make the schema then).
 */
import { describe, expect, test } from "vitest";
import { ENTRY, generateFrom, withRoot } from "../helpers/generate.js";

/** The CRD3007 errors of `source`, as the text each points at. */
function pointedAt(source: string): string[] {
  const lines = source.split("\n");
  return generateFrom(source)
    .diagnostics.filter((d) => d.code === "CRD3007")
    .map((d) => {
      expect(d.severity).toBe("error");
      expect(d.location?.file).toBe(ENTRY);
      return lines[d.location!.line - 1]!.slice(d.location!.column - 1)
        .replace(/\*\/$/, "")
        .trim();
    });
}

const STAMP = "export interface Stamp { seconds: number; nanos?: number }";

describe("@schemaType on an object type", () => {
  test.each([
    ["on the field", "{\n  /**\n   * When.\n   * @schemaType string\n   */\n  at?: Stamp;\n}", STAMP],
    ["on the type", "{ at?: Stamp }", `/** @schemaType string */\n${STAMP}`],
    ["on a list's item type", "{ at?: Stamp[] }", `/** @schemaType integer */\n${STAMP}`],
    ["on an inline object", "{\n  /** @schemaType string */\n  at?: { seconds: number };\n}", ""],
  ])("%s: an error at the tag", (_what, body, prelude) => {
    const [at, ...rest] = pointedAt(withRoot(body, prelude));
    expect(rest).toEqual([]);
    expect(at).toMatch(/^@schemaType (string|integer)$/);
  });

  test.each([
    ["with @schemaless", "{\n  /** @schemaless @schemaType string */\n  at?: Stamp;\n}", STAMP],
    ["@schemaless on the type", "{ at?: Stamp }", `/** @schemaless @schemaType string */\n${STAMP}`],
    ["@schemaType object", "{\n  /** @schemaType object */\n  at?: Stamp;\n}", STAMP],
    ["on a type of no properties", "{\n  /** @schemaType string */\n  at?: Date;\n}", ""],
  ])("%s: no error", (_what, body, prelude) => {
    expect(generateFrom(withRoot(body, prelude)).ok).toBe(true);
  });

  test("the message names the properties, the hint @schemaless", () => {
    const result = generateFrom(withRoot("{\n  /** @schemaType string */\n  at?: Stamp;\n}", STAMP));
    expect(result.ok).toBe(false);
    const [error] = result.diagnostics.filter((d) => d.code === "CRD3007");
    expect(error!.message).toBe(
      "@schemaType string on an object type keeps its properties (seconds, nanos), which no string has: Kubernetes accepts the schema and checks none of them.",
    );
    expect(error!.hint).toBe(
      "to write the field as a string with a schema of its own (a type with its own JSON encoding), add @schemaless beside @schemaType string; else remove the @schemaType",
    );
  });
});

/**
 * The same for what a list, a map or a union of literals keeps: the item or value schema, which
 * Kubernetes never checks on a string, and literals of another kind, which Kubernetes does not
 * check against the type and then refuses (found by test/tags/fuzz.test.ts).
 */
describe("@schemaType on a list, a map or literals of another kind", () => {
  test.each([
    ["a list", "{\n  /** @schemaType string */\n  at?: number[];\n}", "", "item schema"],
    ["a map", "{\n  /** @schemaType string */\n  at?: Record<string, number>;\n}", "", "value schema"],
    ["literals", '{\n  /** @schemaType boolean */\n  at?: "B" | null;\n}', "", 'values "B"'],
    [
      "an alias of literals",
      "{ at?: Mode }",
      '/** @schemaType integer */\ntype Mode = "1" | "2";',
      'values "1", "2"',
    ],
    ["a list's alias", "{ at?: Ports }", "/** @schemaType object */\ntype Ports = number[];", "item schema"],
  ])("%s: an error at the tag", (_what, body, prelude, kept) => {
    const source = withRoot(body, prelude);
    const [at, ...rest] = pointedAt(source);
    expect(rest).toEqual([]);
    expect(at).toMatch(/^@schemaType (string|integer|boolean|object)$/);
    const [error] = generateFrom(source).diagnostics.filter((d) => d.code === "CRD3007");
    expect(error!.message).toContain(kept);
  });

  test.each([
    ["a list as an array", "{\n  /** @schemaType array */\n  at?: number[];\n}"],
    ["a map as an object", "{\n  /** @schemaType object */\n  at?: Record<string, number>;\n}"],
    ["a list with @schemaless", "{\n  /** @schemaless @schemaType string */\n  at?: number[];\n}"],
    ["number literals as integers", "{\n  /** @schemaType integer */\n  at?: 1 | 2;\n}"],
    ["integer literals as numbers", "{\n  /** @schemaType number */\n  at?: 1 | 2;\n}"],
    ["string literals as strings", '{\n  /** @schemaType string */\n  at?: "a" | null;\n}'],
  ])("%s: no error", (_what, body) => {
    expect(generateFrom(withRoot(body)).diagnostics).toEqual([]);
  });

  test("literals of which some fit: the message names those refused", () => {
    const result = generateFrom(withRoot("{\n  /** @schemaType integer */\n  at?: 1 | 2.5 | 3.5;\n}"));
    const [error] = result.diagnostics.filter((d) => d.code === "CRD3007");
    expect(error!.message).toBe(
      "@schemaType integer on a type of the values 2.5, 3.5, which are no integer: Kubernetes does not check enum values against the type, accepts the schema and then refuses those values.",
    );
    expect(error!.hint).toBe("remove the @schemaType: the TypeScript type gives the schema its type");
  });
});
