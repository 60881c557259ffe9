/**
 * The block-YAML reader must give exactly the `yaml` package's values for every stream it
 * reads, and give up (undefined) on everything else: errors, and whatever is outside its
 * subset. Hand cases pin each construct; generated streams in every style the `yaml` package
 * writes, and random edits of them, hold it to the reference.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify, type ToStringOptions } from "yaml";
import { readBlockYaml } from "../../src/yaml/block-reader.js";
import { resolvePlain } from "../../src/yaml/core-schema.js";
import { corpusFiles } from "../validate/corpus.js";

interface Read {
  values: unknown[];
  /** Each value's document index in the stream, empty documents counted. */
  indices: number[];
}

/**
 * The `yaml` package's reading (the reference): the values of the documents that are not empty
 * (null, which kubectl skips) with their indices, or undefined on any error.
 */
function reference(text: string): Read | undefined {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return undefined;
  const read: Read = { values: [], indices: [] };
  list.forEach((d, i) => {
    const value: unknown = d.toJS();
    if (value === null) return;
    read.values.push(value);
    read.indices.push(i);
  });
  return read;
}

/** The block reader's values and indices, or undefined when it gives up. */
function quick(text: string): Read | undefined {
  const read = readBlockYaml(text);
  return read && { values: read.values, indices: read.indices };
}

/** Each edit removes `removed` characters at `at` (wrapped to the text) and inserts `inserted`. */
function applyEdits(text: string, edits: ReadonlyArray<readonly [number, number, string]>): string {
  let edited = text;
  for (const [at, removed, inserted] of edits) {
    const i = at % (edited.length + 1);
    edited = edited.slice(0, i) + inserted + edited.slice(i + removed);
  }
  return edited;
}

describe("readBlockYaml reads", () => {
  it.each([
    [
      "nested mappings and sequences",
      "a:\n  b: 1\n  c:\n    - x\n    - y\nd: z\n",
      [{ a: { b: 1, c: ["x", "y"] }, d: "z" }],
    ],
    ["a sequence in its key's column", "a:\n- x\n- y\nb: 1\n", [{ a: ["x", "y"], b: 1 }]],
    [
      "compact sequences and mappings",
      "- - a\n  - b\n- a: 1\n  b: 2\n- c\n",
      [[["a", "b"], { a: 1, b: 2 }, "c"]],
    ],
    ["comments and blank lines", "# head\na: 1 # one\n\n  # indented\nb: 'x' # two\n", [{ a: 1, b: "x" }]],
    ["several documents", "---\na: 1\n--- # next\nb: 2\n", [{ a: 1 }, { b: 2 }]],
    ["an indented root", "  a: 1\n  b: 2\n", [{ a: 1, b: 2 }]],
    [
      "core schema scalars",
      "a: ~\nb: True\nc: 0o17\nd: 0x1F\ne: -.5e2\nf: .NaN\ng: -.inf\nh: 00\ni: 1.0\n",
      [{ a: null, b: true, c: 15, d: 31, e: -50, f: NaN, g: -Infinity, h: 0, i: 1 }],
    ],
    [
      "YAML 1.1 lookalikes as YAML 1.2 reads them",
      "a: 0777\nb: 1_000\nc: on\nd: 1:30\n",
      [{ a: 777, b: "1_000", c: "on", d: "1:30" }],
    ],
    ["keys that are not strings", "true: 1\n1: 2\n~: 3\n-0: 4\n", [{ true: 1, 1: 2, "": 3, 0: 4 }]],
    ["quoted keys", "\"a b\": 1\n'c''d': 2\n", [{ "a b": 1, "c'd": 2 }]],
    ["an empty value", "a:\nb: 1\n", [{ a: null, b: 1 }]],
    ["multi-line plain scalars", "a: foo\n  bar\n\n  baz\nb: 1\n", [{ a: "foo bar\nbaz", b: 1 }]],
    ["a continuation starting with an indicator", 'a: foo\n  - bar\n  "q"\n', [{ a: 'foo - bar "q"' }]],
    ["an entry's continuation", "- foo\n  bar\n", [["foo bar"]]],
    ["single quotes over lines", "a: 'x  \n\n  y ''z'''\n", [{ a: "x\ny 'z'" }]],
    [
      "double quotes with escapes",
      'a: "x\\ty  \n  z \\u00e9\\x41\\U0001F600\\\\\\"\\/\\N\\_\\L\\P\\e\\0"\n',
      [{ a: 'x\ty z éA😀\\"/\u0085\u00a0\u2028\u2029\x1b\0' }],
    ],
    ["an escaped line break", 'k: "a\\\n   b"\n', [{ k: "ab" }]],
    [
      "literal block scalars",
      "a: |\n  x\n   y\n\nb: |-\n  x\n\nc: |+\n  x\n\nd: 1\n",
      [{ a: "x\n y\n", b: "x", c: "x\n\n", d: 1 }],
    ],
    [
      "folded block scalars",
      "a: >\n\n  x\n  y\n\n  z\n   w\n  v\nb: >-\n  p\n  q\n",
      [{ a: "\nx y\nz\n w\nv\n", b: "p q" }],
    ],
    ["an explicit indentation indicator", "a: |2-\n    x\n   y\n", [{ a: "  x\n y" }]],
    ["a block scalar in a sequence", "a:\n  - |\n   x\n  - >-\n   y\n", [{ a: ["x\n", "y"] }]],
    [
      "indentation indicators in sequences",
      "- |2-\n   lead\n- - |1\n     x\n- a: |2\n     y\n",
      [[" lead", ["  x\n"], { a: " y\n" }]],
    ],
    [
      "scalars on the lines after their key or dash",
      "a:\n  text\n  more\nb:\n  'q\n  r'\nc:\n-\n  x\n",
      [{ a: "text more", b: "q r", c: ["x"] }],
    ],
    ["a block scalar at the end of the text", "a: |\n  x", [{ a: "x\n" }]],
    [
      "lines of a block scalar that look like YAML",
      "a: |\n  # not a comment\n  b: c\n  - d\n",
      [{ a: "# not a comment\nb: c\n- d\n" }],
    ],
    [
      "flow sequences of scalars",
      "a: [1, \"x\", 'y', -2, ~]\nb: []\nc: {}\n",
      [{ a: [1, "x", "y", -2, null], b: [], c: {} }],
    ],
    ["tabs as separators", "a:\t1\nb: x\t# c\n", [{ a: 1, b: "x" }]],
    [
      "CRLF line breaks",
      "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 'p\r\n  q' # c\r\n",
      [{ a: 1, b: "x\ny\n", c: "p q" }],
    ],
    ["a prototype-looking key", "constructor: 1\ntoString: 2\n", [{ constructor: 1, toString: 2 }]],
  ])("%s", (_what, text, expected) => {
    const read = readBlockYaml(text)?.values;
    expect(read).toEqual(reference(text)?.values);
    if (expected === undefined) expect(read).toBeUndefined();
    else expect(read).toEqual(expected);
  });

  // Helm output and `cat`ted controller-gen files (which start with `---`) are full of them.
  it.each([
    ["a trailing marker", "a: 1\n---\n", [0]],
    ["a marker with trailing blanks", "a: 1\n---   \nb: 2\n---  \n", [0, 1]],
    ["two markers in a row", "---\n---\na: 1\n", [1]],
    ["a document of only comments", "a: 1\n---\n# Source: chart/templates/empty.yaml\n---\nb: 2\n", [0, 2]],
    ["markers with comments", "# head\n---\n--- # c\n\n---\na: 1\n---\n---\n", [2]],
  ])("empty documents (%s) without a value, counting them in the indices", (_what, text, indices) => {
    expect(quick(text)?.indices).toEqual(indices);
    expect(quick(text)).toEqual(reference(text));
  });
});

describe("readBlockYaml leaves to the full parser", () => {
  it.each([
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a flow mapping with entries", "a: {b: 1}\n"],
    ["a flow collection over lines", "a: [1,\n  2]\n"],
    ["a nested flow collection", "a: [[1]]\n"],
    ["a trailing comma", "a: [1, ]\n"],
    ["a complex key", "? a\n: 1\n"],
    ["a scalar document", "just text\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["a null sequence entry", "-\n- a\n"],
    ["an empty block scalar", "a: |\nb: 1\n"],
    ["a `__proto__` key", "__proto__: 1\n"],
    ["a lone carriage return", "a: 1\rb: 2\n"],
    ["a byte-order mark", "\ufeffa: 1\n"],
    ["a tab in indentation", "a:\n\tb: 1\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a float key", "1.5: a\n"],
    ["a nested implicit key", "a: b: c\n"],
    ["a dash after a key", "a: - b\n"],
    ["a mapping under a scalar", "a: b\n c: d\n"],
    ["text after a quoted scalar", 'a: "x"y\n'],
    ["a comment in a plain scalar", "a: b #c\n  d\n"],
    ["an unterminated quote", "a: 'x\n"],
    ["a quoted scalar running out of its indentation", "a:\n  - 'x\n  y'\n"],
    ["a bad escape", 'a: "\\q"\n'],
    ["a less indented line in a mapping", "a:\n    b: 1\n  c: 2\n"],
    ["an empty stream", "# nothing\n"],
    ["a stream of empty documents", "---\n# nothing\n---\n"],
    ["deeper nesting than any CRD", "- ".repeat(5000) + "x\n"],
    [
      "deeply nested mappings",
      Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i)}a:\n`).join("") + "x: 1\n",
    ],
  ])("%s", (_what, text) => expect(readBlockYaml(text)).toBeUndefined());
});

describe("readBlockYaml against the yaml package", () => {
  const scalar = fc.oneof(
    fc.constantFrom("yes", "0777", "0o17", "0x1F", "1_000", "1:30", "~", "null", "", " ", "#", "- a", "a: b"),
    fc.constantFrom(
      "&a",
      "*a",
      "!x",
      "<<",
      "'",
      '"',
      "\\",
      "\t",
      "é",
      "line\nbreak",
      "trailing ",
      " lead",
      "\n\nx\n",
    ),
    fc.string(),
    fc.string({ unit: fc.constantFrom("a", " ", "\n", "-", ":", "#", "'", '"', "\\", "x") }),
    fc.lorem({ maxCount: 30 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
    list: fc.array(tie("node"), { maxLength: 4 }),
    map: fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("on", "1", "true", "<<", "a b", "-x")),
      tie("node"),
      {
        maxKeys: 4,
      },
    ),
  })).node;
  const style: fc.Arbitrary<ToStringOptions> = fc.record({
    indent: fc.constantFrom(2, 3, 4),
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 40, 80),
    minContentWidth: fc.constantFrom(0, 10, 20),
    defaultStringType: fc.constantFrom(
      "PLAIN",
      "QUOTE_DOUBLE",
      "QUOTE_SINGLE",
      "BLOCK_LITERAL",
      "BLOCK_FOLDED",
    ),
    defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
    doubleQuotedAsJSON: fc.boolean(),
    flowCollectionPadding: fc.boolean(),
  });
  const stream = fc
    .tuple(
      fc.array(
        value.filter((v) => typeof v === "object" && v !== null && Object.keys(v).length > 0),
        { minLength: 1, maxLength: 3 },
      ),
      style,
      // Some with Windows line breaks.
      fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    )
    .map(([docs, options, crlf]) => {
      const text = docs.map((d) => stringify(d, options)).join("---\n");
      return crlf ? text.replaceAll("\n", "\r\n") : text;
    });

  it("gives its values on generated streams in every style, and reads most of them", () => {
    let read = 0;
    fc.assert(
      fc.property(stream, (text) => {
        const values = quick(text);
        if (values === undefined) return;
        read++;
        expect(values).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(1400);
  });

  it("gives its values, or gives up, on random edits of them", () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.constantFrom(
        ..." \n-:#'\"|>\\x\t[]{},&*!%?~0",
        "  ",
        "- ",
        ": ",
        " # c",
        "\n# c\n",
        "\n#c\n",
        "\n---\n",
        "\n...\n",
        "|2",
        "\n\n",
        "\r",
        "\r\n",
      ),
    );
    let read = 0;
    fc.assert(
      fc.property(stream, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        const edited = applyEdits(text, edits);
        const values = quick(edited);
        if (values === undefined) return;
        read++;
        expect(values).toEqual(reference(edited));
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it("gives its values, or gives up, on random edits of real CRDs", () => {
    const texts = corpusFiles("crds").map((file) => readFileSync(file, "utf8"));
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 2 }),
      fc.constantFrom(" ", "\n", "- ", ": ", "#", "'", '"', "|", "\t", "x"),
    );
    let read = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 2 }),
        (which, edits) => {
          const edited = applyEdits(texts[which]!, edits);
          const values = quick(edited);
          if (values === undefined) return;
          read++;
          expect(values).toEqual(reference(edited));
        },
      ),
      { numRuns: 150 },
    );
    expect(read).toBeGreaterThan(30);
  });

  it("resolves plain scalars as the yaml package does", () => {
    const plainish = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789+-.eExXoOabcfinNtTulsLF_~:"), maxLength: 8 }),
      fc.constantFrom(
        ".inf",
        "-.Inf",
        "+.INF",
        ".nan",
        ".NaN",
        "NULL",
        "Null",
        "TRUE",
        "False",
        "0x",
        "0o",
        "1e",
        ".",
      ),
    );
    fc.assert(
      fc.property(plainish, (source) => {
        const text = `k: ${source}\n`;
        const expected = reference(text)?.values[0];
        fc.pre(typeof expected === "object" && expected !== null);
        expect(resolvePlain(source)).toEqual((expected as { k: unknown }).k);
      }),
      { numRuns: 3000 },
    );
  });
});
