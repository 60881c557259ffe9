/**
 * Kubernetes' refusal of a keyword a tag wrote (CRD2001) is reported at that tag, wherever it is
 * (a long doc comment, a named type, the one of several @listMapKey tags at fault), with a hint
 * saying what to write; at the field when no tag wrote the keyword.
 */
import { describe, expect, test } from "vitest";
import { ENTRY, generateFrom, withRoot } from "../helpers/generate.js";

/** Each CRD2001 of `source`: the text its location spans (its line from its column, without a span) and its hint. */
function rejections(source: string): { at: string; hint: string | undefined }[] {
  const lines = source.split("\n");
  return generateFrom(source)
    .diagnostics.filter((d) => d.code === "CRD2001")
    .map((d) => {
      const l = d.location!;
      expect(l.file).toBe(ENTRY);
      const line = lines[l.line - 1]!;
      const end = l.endLine === l.line && l.endColumn !== undefined ? l.endColumn - 1 : line.length;
      return {
        at: line
          .slice(l.column - 1, end)
          .replace(/\*\/$/, "")
          .trim(),
        hint: d.hint,
      };
    });
}

const PORT = "export interface Port { name: string; port: number; sub?: { a?: string } }";

describe("a refused keyword is reported at the tag that wrote it, with a hint in TypeScript's terms", () => {
  test.each([
    [
      "@listType map without @listMapKey, in a long doc comment",
      "{\n  /**\n   * Ports.\n   *\n   * @listType map\n   */\n  ports?: Port[];\n}",
      PORT,
      ["@listType map"],
      "@listType map needs the fields that tell items apart: add @listMapKey name",
    ],
    [
      "@listType map on a named list type",
      "{ ports?: Ports }",
      `${PORT}\n/** @listType map */\nexport type Ports = Port[];`,
      ["@listType map"],
      "@listType map needs the fields that tell items apart: add @listMapKey name",
    ],
    [
      "the @listMapKey of several naming no field of the items",
      "{\n  /** @listType map @listMapKey nme @listMapKey port */\n  ports?: Port[];\n}",
      PORT,
      ["@listMapKey nme"],
      "@listMapKey nme names no property of the list's item type: did you mean @listMapKey name? its properties: name, port, sub",
    ],
    [
      "the @listMapKey of several naming an optional field",
      "{\n  /** @listType map @listMapKey port @listMapKey name */\n  ports?: Port[];\n}",
      "export interface Port { name?: string; port: number }",
      ["@listMapKey name"],
      "every item of a list-map needs its keys: make `name` required (drop the `?`) or give it a @default",
    ],
    [
      "@listMapKey naming an object field",
      "{\n  /** @listType map @listMapKey sub */\n  ports?: Port[];\n}",
      "export interface Port { name: string; sub: { a?: string } }",
      ["@listMapKey sub"],
      "a list-map's keys must be strings, numbers or booleans: @listMapKey sub names an object or a list; key the list by a scalar field",
    ],
    [
      "@listMapKey written twice",
      "{\n  /** @listType map @listMapKey name @listMapKey name */\n  ports?: Port[];\n}",
      PORT,
      ["@listMapKey name"],
      "@listMapKey name is written twice: drop one",
    ],
    [
      "@listType map on a list of strings",
      "{\n  /** @listType map @listMapKey name */\n  names?: string[];\n}",
      "",
      ["@listType map"],
      "@listType map is for a list of objects, keyed by their @listMapKey fields: for a list of strings or numbers write @listType set",
    ],
    [
      "@listType set on a list of objects",
      "{\n  /** @listType set */\n  ports?: Port[];\n}",
      PORT,
      ["@listType set"],
      "a set's items must be scalars or atomic: tag the item type @structType atomic (an object with fields), @mapType atomic (a map) or @listType atomic (a list), or make the list a list-map (@listType map with @listMapKey)",
    ],
    [
      "@mapType on a string",
      "{\n  /** @mapType granular */\n  name?: string;\n}",
      "",
      ["@mapType granular"],
      "@mapType and @structType belong on a map or an object: put the tag on a field whose type is Record<string, T> or an interface, or remove it",
    ],
    [
      "@embeddedResource on a string",
      "{\n  /**\n   * A pod.\n   * @embeddedResource\n   */\n  pod?: string;\n}",
      "",
      ["@embeddedResource"],
      "@embeddedResource belongs on an object type with apiVersion, kind and metadata (a whole Kubernetes object); to take any object unchecked, add @preserveUnknownFields beside it",
    ],
    [
      "@embeddedResource on a map",
      "{\n  /** @embeddedResource */\n  pods?: Record<string, string>;\n}",
      "",
      ["@embeddedResource", "@embeddedResource"],
      "@embeddedResource belongs on an object type with apiVersion, kind and metadata, not on a map (Record<string, T>)",
    ],
    [
      "@schemaType array on a field that is no list",
      "{\n  /** @schemaType array */\n  count?: boolean;\n}",
      "",
      ["@schemaType array"],
      "@schemaType array needs the field's items, which only a list type gives: declare the field as a list (T[]), or remove the @schemaType",
    ],
    [
      "@preserveUnknownFields beside @intOrString",
      "{\n  /** @intOrString @preserveUnknownFields */\n  port?: string;\n}",
      "",
      ["@preserveUnknownFields"],
      "@intOrString takes a string or a number, which has no fields to keep: remove @preserveUnknownFields beside it",
    ],
    [
      "@default naming a field the type lacks",
      '{\n  /**\n   * Options.\n   * @default {"replicas": 1, "mod": "a"}\n   */\n  opts?: Opts;\n}',
      'export interface Opts { replicas?: number; mode?: "a" | "b" }',
      ['@default {"replicas": 1, "mod": "a"}'],
      "the @default value names a field its type does not declare: mod (did you mean mode?); the type declares replicas, mode. Correct the @default's field names (or declare the fields in the type)",
    ],
    [
      "a named type's @default missing a required field",
      "{ opts?: Opts }",
      "/** @default {} */\nexport interface Opts { replicas: number }",
      ["@default {}"],
      "the @default value leaves out replicas, which its type requires: add it to the @default (or make it optional in the type, with `?`)",
    ],
  ])("%s", (_what, body, prelude, at, hint) => {
    const found = rejections(withRoot(body, prelude));
    expect(found.map((r) => r.at)).toEqual(at);
    expect(found.map((r) => r.hint)).toContain(hint);
  });

  test("a @validation rule's error stays at its tag", () => {
    const found = rejections(withRoot('{\n  /** @validation rule="self.a + " */\n  n?: { a?: string };\n}'));
    expect(found.map((r) => r.at)).toEqual(['@validation rule="self.a + "']);
  });

  test("a refusal no tag wrote the keyword of stays at the field", () => {
    // @schemaless writes no `type`: the missing type is the field's.
    const found = rejections(withRoot("{\n  /** @schemaless */\n  taskSpec?: Record<string, unknown>;\n}"));
    expect(found.map((r) => r.at)).toEqual(["taskSpec"]);
  });

  test("what the tags say is right generates", () => {
    const fixed = [
      ["{\n  /** @listType map @listMapKey name */\n  ports?: Port[];\n}", PORT],
      ["{\n  /** @listType set */\n  ports?: Port[];\n}", `/** @structType atomic */\n${PORT}`],
      [
        '{\n  /** @default {"replicas": 1, "mode": "a"} */\n  opts?: Opts;\n}',
        'interface Opts { replicas?: number; mode?: "a" | "b" }',
      ],
      [
        "{\n  /** @embeddedResource */\n  pod?: { apiVersion?: string; kind?: string; spec?: { a?: string } };\n}",
        "",
      ],
    ] as const;
    for (const [body, prelude] of fixed) expect(generateFrom(withRoot(body, prelude)).ok).toBe(true);
  });
});
