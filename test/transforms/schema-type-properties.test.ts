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
