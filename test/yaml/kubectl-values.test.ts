/**
 * Values as kubectl sends them (src/yaml/kubectl-values.ts): YAML 1.1 readings of unquoted
 * scalars, as go-yaml v2 makes them, on both of the loader's paths.
 */
import { describe, expect, it } from "vitest";
import { kubectlDifferences, kubectlValues } from "../../src/yaml/kubectl-values.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { kubectlReading, yaml11DifferenceOf } from "../../src/yaml/yaml11.js";

const values = (text: string) => kubectlValues(parseYamlDocuments(text, "t.yaml"));

describe("kubectlReading", () => {
  it.each([
    ["on", true],
    ["No", false],
    ["y", true],
    ["0777", 511],
    ["1_000", 1000],
    ["0b1", 1],
  ])("reads %s as %j, as YAML 1.1 does", (source, value) => expect(kubectlReading(source)).toBe(value));

  it("keeps base-60 numbers strings: go-yaml v2 dropped them, unlike YAML 1.1", () => {
    expect(kubectlReading("1:30")).toBeUndefined();
    expect(yaml11DifferenceOf("1:30", false, () => ({ line: 1, column: 1 }))?.message).toBe(
      'YAML 1.1 parsers (not kubectl) read the value 1:30 as the number 90, YAML 1.2 as the string "1:30"; quote it to be unambiguous',
    );
  });
});

describe("numbers JSON has no value for", () => {
  it("reads a number beyond a float64 as the string go-yaml leaves it, on both paths", () => {
    expect(kubectlReading("1e400")).toBe("1e400");
    expect(kubectlReading("-2.5E+999")).toBe("-2.5E+999");
    expect(kubectlReading("1.7976931348623157e308")).toBeUndefined();
    expect(values("a: [1e400, '1e400', 1e3]\n")).toEqual([{ a: ["1e400", "1e400", 1000] }]);
    expect(values("a: &x [1e400]\nb: *x\n")).toEqual([{ a: ["1e400"], b: ["1e400"] }]);
  });

  it("has no reading of .inf or .nan, which kubectl cannot send: the values stay YAML 1.2's", () => {
    expect(kubectlReading(".inf")).toBeUndefined();
    const loaded = parseYamlDocuments("a: [.inf, -.Inf, .nan]\n", "t.yaml");
    expect(kubectlDifferences(loaded)).toEqual([]);
    expect(kubectlValues(loaded)).toEqual([{ a: [Infinity, -Infinity, NaN] }]);
  });
});

describe("kubectlValues", () => {
  it("reads unquoted values and keys as kubectl does, quoted and tagged ones as written", () => {
    const text = 'enum: [on, off, "on", !!str off]\nmode: 0777\non: 1\n"no": 2\ntime: 1:30\n';
    expect(values(text)).toEqual([
      { enum: [true, false, "on", "off"], mode: 511, true: 1, no: 2, time: "1:30" },
    ]);
  });

  it("does so on the block reader's streams and on the full parse's (anchors, merges) alike", () => {
    const block = "a:\n  b: yes\n  c: [n, 1_000]\n---\nd: 017\n";
    expect(values(block)).toEqual([{ a: { b: true, c: [false, 1000] } }, { d: 15 }]);
    const full = "base: &b {x: on}\nm:\n  <<: *b\n  z: off\n";
    expect(values(full)).toEqual([{ base: { x: true }, m: { x: true, z: false } }]);
  });

  it("keeps the values as read when kubectl reads nothing otherwise", () => {
    const loaded = parseYamlDocuments("a: 1:30\nb: [x, 'on']\n", "t.yaml");
    expect(kubectlDifferences(loaded)).toEqual([]);
    expect(kubectlValues(loaded)[0]).toBe(loaded.documents[0]?.value);
  });

  it("lists where kubectl reads otherwise, merge keys aside", () => {
    const loaded = parseYamlDocuments("base: &b {x: 1}\nm:\n  <<: *b\n  z: off\n", "t.yaml");
    expect(kubectlDifferences(loaded).map((d) => [d.line, d.column, d.source])).toEqual([[4, 6, "off"]]);
  });
});
