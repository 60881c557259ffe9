/**
 * Merge keys read as kubectl reads them (sigs.k8s.io/yaml, go-yaml v2): entries applied in
 * order, each overwriting the last; in a list of merges the earlier mapping wins.
 */
import { describe, expect, it } from "vitest";
import { parseYamlDocuments, positionOf } from "../../src/yaml/load.js";

describe("merge keys", () => {
  it.each([
    ["an alias", "b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  z: 3\n", { x: 1, y: 2, z: 3 }],
    ["an entry after <<, which wins", "b: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n", { x: 2 }],
    // go-yaml v2, unlike the YAML spec: the merge overwrites an entry before it.
    ["an entry before <<, which loses", "b: &b {x: 1}\nm:\n  x: 2\n  <<: *b\n", { x: 1 }],
    ["a list, earlier wins", "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm:\n  <<: [*a, *b]\n", { x: 1, y: 2 }],
    ["an inline mapping", "m:\n  <<: {x: 1}\n  y: 2\n", { x: 1, y: 2 }],
    // The block reader reads this stream; the merge still happens.
    ["a block mapping", "m:\n  <<:\n    x: 1\n  y: 2\n", { x: 1, y: 2 }],
    ["two merge keys", "a: &a {x: 1}\nb: &b {x: 2}\nm:\n  <<: *a\n  <<: *b\n", { x: 2 }],
    ["a nested merge", "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nm:\n  <<: *b\n", { x: 1, y: 2 }],
    ["a quoted key, which is not a merge", 'm:\n  "<<": {x: 1}\n', { "<<": { x: 1 } }],
    ["a __proto__ key, kept as data", "m:\n  <<: {__proto__: 1}\n", JSON.parse('{"__proto__": 1}')],
  ])("%s", (_what, text, expected) => {
    const { documents, errors } = parseYamlDocuments(text, "t.yaml");
    expect(errors).toEqual([]);
    const value = documents[0]!.value as { m: unknown };
    expect(value.m).toEqual(expected);
    expect(Object.getPrototypeOf(value.m)).toBe(Object.prototype);
  });

  it.each([
    ["a scalar", "m:\n  <<: 3\n", { line: 2, column: 7 }],
    ["a list holding a scalar", "a: &a {x: 1}\nm:\n  <<: [*a, 3]\n", { line: 3, column: 7 }],
  ])("refuses a merge of %s, as go-yaml v2 does", (_what, text, at) => {
    const { documents, errors } = parseYamlDocuments(text, "t.yaml");
    expect(documents).toEqual([]);
    expect(errors).toEqual([
      { file: "t.yaml", ...at, message: "map merge requires map or sequence of maps as the value" },
    ]);
  });

  it.each([
    [["m", "x"], { line: 1, column: 14, endLine: 1, endColumn: 15 }],
    [["m", "y"], { line: 4, column: 6, endLine: 4, endColumn: 7 }],
    [["n", "x"], { line: 1, column: 14, endLine: 1, endColumn: 15 }],
  ])("finds %j in the mapping a merge brings in", (path, expected) => {
    const text = "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\nn: *b\n";
    const [document] = parseYamlDocuments(text, "t.yaml").documents;
    expect(positionOf(document!, path)).toEqual(expected);
  });
});
