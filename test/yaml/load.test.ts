/**
 * parseYamlDocuments reads streams in the block subset with crdgen's block reader and
 * everything else with the `yaml` package. The quick path must give exactly the values the
 * `yaml` package gives, and positions must still be found for documents it read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseYamlDocuments, positionOf } from "../../src/yaml/load.js";
import { corpusFiles } from "../validate/corpus.js";
import { readBlockYaml } from "../../src/yaml/block-reader.js";

/** What the `yaml` package alone makes of `text` (the reference). */
function yamlValues(text: string): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  return list.filter((d) => d.errors.length === 0 && d.contents !== null).map((d) => d.toJS());
}

describe("the quick path (block reader)", () => {
  it.each([
    ["a: 1\nb: [x, y]\nc: {}\n", [{ a: 1, b: ["x", "y"], c: {} }]],
    [
      "a: 0x1F\nb: 1e3\nc: -.5\nd: +12\ne: 12.\nf: .inf\n",
      [{ a: 31, b: 1000, c: -0.5, d: 12, e: 12, f: Infinity }],
    ],
    ["a: 'it''s'\nb: |\n  x\n   y\nc: >-\n  a\n  b\n", [{ a: "it's", b: "x\n y\n", c: "a b" }]],
    ["a: 1\n---\nb: 2\n", [{ a: 1 }, { b: 2 }]],
    ["true: 1\n1: 2\n", [{ true: 1, 1: 2 }]],
    ["mode: 0644\nmask: 0b101\nn: 1_000\n", [{ mode: 644, mask: "0b101", n: "1_000" }]],
  ])("reads the plain stream %j", (text, expected) => {
    expect(readBlockYaml(text)?.values).toEqual(expected);
    expect(readBlockYaml(text)?.values).toEqual(yamlValues(text));
  });

  it.each([
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a merge key", "a: {b: 1}\nc:\n  <<: {b: 2}\n"],
    ["a flow mapping with entries", "c: {d: true}\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a syntax error", "a: [1, 2\n"],
    ["a null document", "a: 1\n--- null\n"],
    ["a complex key", "? [a, b]\n: 1\n"],
  ])("leaves %s to the full parse", (_what, text) => expect(readBlockYaml(text)?.values).toBeUndefined());
});

describe("parseYamlDocuments on the corpus", () => {
  const files = corpusFiles("crds");
  it("reads every corpus file on the quick path, exactly as the yaml package does", () => {
    expect(files.length).toBe(215);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const values = readBlockYaml(text)?.values;
      expect(values, `${file} left the quick path`).toBeDefined();
      expect(values, file).toEqual(yamlValues(text));
    }
  });
});

describe("positions of quickly read documents", () => {
  it("are found by re-reading the stream on demand", () => {
    const text = "a: 1\n---\nkind: X\nspec:\n  items:\n    - name: first\n    - name: second\n";
    const { documents } = parseYamlDocuments(text, "t.yaml");
    expect(readBlockYaml(text)?.values).toBeDefined();
    expect(documents.map((d) => d.index)).toEqual([0, 1]);
    // The value `second`, spanned; a missing field is a point at its parent.
    expect(positionOf(documents[1]!, ["spec", "items", 1, "name"])).toEqual({
      line: 7,
      column: 13,
      endLine: 7,
      endColumn: 19,
    });
    expect(positionOf(documents[1]!, ["spec", "missing"])).toEqual({ line: 5, column: 3 });
  });

  it("start where the yaml package's tree starts them, without building the tree", () => {
    const text = "# head\na: 1\n---\n\n  # indented comment\n- x\n--- # marker comment\r\nkind: X\r\n";
    expect(readBlockYaml(text)?.values).toHaveLength(3);
    const { documents } = parseYamlDocuments(text, "t.yaml");
    const starts = documents.map((d) => positionOf(d, []));
    expect(starts).toEqual([
      { line: 2, column: 1 },
      { line: 6, column: 1 },
      { line: 8, column: 1 },
    ]);
    // The same places by the tree (built now, after the starts were taken).
    const fromTree = documents.map((d) => d.lineCounter.linePos(d.doc.contents!.range![0]));
    expect(fromTree.map((p) => ({ line: p.line, column: p.col }))).toEqual(starts);
  });
});

describe("empty documents", () => {
  // A trailing `---`, `---` twice (cat of controller-gen files), a Helm template that rendered to
  // only its `# Source:` comment: kubectl skips each, as their JSON is null.
  const text =
    "---\n---\na: 1\n--- \n# Source: chart/templates/empty.yaml\n---\nkind: X\nspec:\n  n: 2\n---\n";

  it.each([
    ["quick", text],
    // An anchor sends the stream to the full parse.
    ["full", text.replace("n: 2", "n: &n 2")],
  ])("are skipped on the %s path, and positions stay right", (_path, stream) => {
    const { documents, errors } = parseYamlDocuments(stream, "t.yaml");
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { kind: "X", spec: { n: 2 } }]);
    expect(positionOf(documents[1]!, ["spec", "n"])).toEqual(
      expect.objectContaining({ line: 9, column: stream === text ? 6 : 9 }),
    );
    expect(positionOf(documents[1]!, [])).toEqual({ line: 7, column: 1 });
  });

  it("and null documents are skipped too", () => {
    expect(parseYamlDocuments("a: 1\n--- null\n---\n~\n", "t.yaml").documents.map((d) => d.value)).toEqual([
      { a: 1 },
    ]);
  });
});

describe("alias errors", () => {
  it("point at the alias that names no anchor, or at the first alias of a document with too many", () => {
    const unresolved = parseYamlDocuments("a: &x {b: 1}\nc: *x\nd: *nope\n", "t.yaml");
    expect(unresolved.documents).toEqual([]);
    expect(unresolved.errors).toEqual([
      expect.objectContaining({ line: 3, column: 4, message: expect.stringContaining("Unresolved alias") }),
    ]);
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [from, to] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
    ])
      lines.push(`${to}: &${to} [${Array(10).fill(`*${from}`).join(", ")}]`);
    const bomb = parseYamlDocuments(`---\n${lines.join("\n")}\n`, "t.yaml");
    expect(bomb.errors).toEqual([expect.objectContaining({ line: 3, column: 8 })]);
  });
});

describe("positionOf a key", () => {
  const text = "a: 1\nspec:\n  name: x\n  nested:\n    deep: true\nlist:\n  - k: v\n";
  const [document] = parseYamlDocuments(text, "t.yaml").documents;
  it.each([
    [["spec", "name"], "value", { line: 3, column: 9, endLine: 3, endColumn: 10 }],
    [["spec", "name"], "key", { line: 3, column: 3, endLine: 3, endColumn: 7 }],
    [["spec", "nested"], "value", { line: 5, column: 5, endLine: 5, endColumn: 15 }],
    [["spec", "nested"], "key", { line: 4, column: 3, endLine: 4, endColumn: 9 }],
    [["list", 0, "k"], "key", { line: 7, column: 5, endLine: 7, endColumn: 6 }],
    // A missing field still falls back to its parent, whose value holds it: a point, not its span.
    [["spec", "missing"], "key", { line: 3, column: 3 }],
  ] as const)("%j at the %s", (path, target, expected) => {
    expect(positionOf(document!, path, target)).toEqual(expected);
  });
});

describe("a key given twice", () => {
  it("is named, with the line of its first use, in kubectl's words", () => {
    const { errors } = parseYamlDocuments('a: 1\nspec:\n  type: x\n  b: 2\n  "type": y\n', "t.yaml");
    expect(errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: 3,
        message: 'mapping key "type" already defined at line 3',
      }),
    ]);
  });
});

describe("a byte-order mark", () => {
  it("is no column of the first line, as editors count them", () => {
    const [document] = parseYamlDocuments("\ufeffapiVersion: v1\nkind: X\n", "t.yaml").documents;
    expect(positionOf(document!, ["apiVersion"])).toEqual({ line: 1, column: 13, endLine: 1, endColumn: 15 });
    expect(positionOf(document!, ["apiVersion"], "key")).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 11,
    });
    expect(positionOf(document!, ["kind"])).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 8 });
  });
});
