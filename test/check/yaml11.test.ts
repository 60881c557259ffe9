/** YAML 1.1 vs 1.2 readings (src/yaml/yaml11.ts). */
import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { kubectlValues } from "../../src/yaml/kubectl-values.js";
import { yaml11Differences, yaml11Reading } from "../../src/yaml/yaml11.js";

describe("yaml11Reading", () => {
  it.each([
    ["y", true],
    ["Yes", true],
    ["ON", true],
    ["n", false],
    ["no", false],
    ["Off", false],
    ["017", 15],
    ["-017", -15],
    ["0b101", 5],
    ["1_000", 1000],
    ["1:30", 90],
    ["190:20:30", 685230],
    ["1_000.5", 1000.5],
    // Signs and a leading dot, before the digits every number needs.
    ["+017", 15],
    ["-0b11", -3],
    ["-1:30", -90],
    [".5_0", 0.5],
    ["-.5_0", -0.5],
  ])("%s reads as %j in YAML 1.1", (source, value) => expect(yaml11Reading(source)).toBe(value));

  it.each([
    "true",
    "false",
    "17",
    "0",
    "00",
    "0o17",
    "1.5",
    "x",
    "yes please",
    "2001-12-14",
    "~",
    "null",
    "1e3",
    "object",
    "-x",
    "+",
    ".",
    "-on",
    "+y",
  ])("%s reads the same in both", (source) => expect(yaml11Reading(source)).toBeUndefined());
});

describe("yaml11Differences", () => {
  it("finds plain keys and values, not quoted ones, with positions", () => {
    const text = 'a: yes\n"y": 1\nlist:\n  - on\n  - "off"\nmode: 0644\n<<: {b: 1}\nn: 2\n';
    const [doc] = parseYamlDocuments(text, "t.yaml").documents;
    const found = yaml11Differences(doc!.doc, doc!.lineCounter).map((d) => [
      d.line,
      d.column,
      d.isKey,
      d.yaml11Value,
    ]);
    expect(found).toEqual([
      [1, 4, false, true],
      [4, 5, false, true],
      [6, 7, false, 420],
      [7, 1, true, "merge"],
      [8, 1, true, false],
    ]);
  });

  it("explains both readings", () => {
    const [doc] = parseYamlDocuments("port: 017\n", "t.yaml").documents;
    expect(yaml11Differences(doc!.doc, doc!.lineCounter)[0]?.message).toBe(
      "YAML 1.1 parsers (kubectl) read the value 017 as the number 15, YAML 1.2 as the number 17; quote it to be unambiguous",
    );
  });
});

describe("kubectlValues", () => {
  it("reads booleans, octals and merges as kubectl does, but keeps timestamps as strings", () => {
    const docs = kubectlValues(
      parseYamlDocuments(
        "base: &b {x: 1}\nm:\n  <<: *b\n  y: on\nt: 2001-12-14T00:00:00Z\no: 010\n---\nsecond: no\n",
        "t.yaml",
      ),
    );
    expect(docs).toEqual([
      { base: { x: 1 }, m: { x: 1, true: true }, t: "2001-12-14T00:00:00Z", o: 8 },
      { second: false },
    ]);
  });
});
