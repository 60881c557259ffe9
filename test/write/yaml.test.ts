/** YAML output every Kubernetes YAML reader reads the same way. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { parse } from "yaml";
import { toYaml, toYamlDocument, type RenderMemo } from "../../src/write/yaml.js";

describe("toYaml quoting", () => {
  test.each([
    "y",
    "n",
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "NO",
    "true",
    "null",
    "~",
    "=",
    "0777",
    "1:20",
    "1e3",
    "0x1f",
    "",
    "- a",
    "a: b",
    "#x",
  ])("%j is quoted", (s) => {
    const text = toYaml({ v: s });
    expect(text).not.toBe(`v: ${s}\n`);
    expect(parse(text, { version: "1.1" })).toEqual({ v: s });
    expect(parse(text)).toEqual({ v: s });
  });

  test("plain words stay plain", () => {
    expect(toYaml({ a: "Namespaced", b: "v1" })).toBe("a: Namespaced\nb: v1\n");
  });

  test("strings shaped like YAML 1.1 numbers, dates and words survive both readers", () => {
    const shaped = fc.oneof(
      fc.stringMatching(/^[-+]?[0-9_:.eExob]{0,6}$/),
      fc.stringMatching(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9:]{0,5})?$/),
      fc.constantFrom(
        "yes",
        "No",
        "ON",
        "~",
        ".inf",
        "-.Inf",
        ".NaN",
        "0o17",
        "0x1F",
        "1_000",
        "190:20:30",
        "e0",
      ),
    );
    fc.assert(
      fc.property(shaped, (s) => {
        const text = toYaml({ v: s });
        expect(parse(text)).toEqual({ v: s });
        expect(parse(text, { version: "1.1" })).toEqual({ v: s });
      }),
      { numRuns: 2000 },
    );
  });

  test("any JSON document survives a YAML 1.1 and a 1.2 reader", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("y", "no", "- a", "a: b", "#", "1:2", "", " x", "x "));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc
        .array(fc.constantFrom("a", " ", "\n", "\t", ":", "#", "-", "'", '"', "\\", "é", "\u2028", "0"), {
          maxLength: 12,
        })
        .map((cs) => cs.join("")),
    );
    const json = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(key, tie("v"), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 4 }), (value) => {
        const out = toYaml(value);
        expect(parse(out), out).toEqual(value);
        expect(parse(out, { version: "1.1" }), out).toEqual(value);
      }),
      { numRuns: 3000 },
    );
  });

  test("Infinity and NaN (only an API caller's CRD holds them) are null, as in JSON", () => {
    const value = { a: Infinity, b: [-Infinity, NaN, 1], c: { d: NaN } };
    expect(parse(toYaml(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  test("any string survives a YAML 1.1 and a 1.2 reader", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (value) => {
        const text = toYaml(value);
        expect(parse(text)).toEqual(value);
        expect(parse(text, { version: "1.1" })).toEqual(value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("characters go-yaml (kubectl's reader) refuses raw or takes for line breaks are escaped", () => {
  // kubectl refuses a file holding DEL, a C1 control, U+FFFE or U+FFFF raw ("control characters
  // are not allowed"), and folds a raw NEL, U+2028 or U+2029 inside quotes to a space.
  test.each([
    ["DEL", "a\u007fb", '"a\\u007fb"'],
    ["a C1 control", "\u0080", '"\\u0080"'],
    ["NEL", "a\u0085b", '"a\\u0085b"'],
    ["U+2028", "a\u2028b", '"a\\u2028b"'],
    ["U+2029", "\u2029", '"\\u2029"'],
    ["a byte order mark", "\ufeffx", '"\\ufeffx"'],
    ["U+FFFE", "\ufffe", '"\\ufffe"'],
    ["U+FFFF", "x\uffff", '"x\\uffff"'],
    ["in a multi-line description", "one\u0085\ntwo", '"one\\u0085\\ntwo"'],
    ["beside characters JSON escapes", 'q"\\\u007f\n', '"q\\"\\\\\\u007f\\n"'],
  ])("%s", (_what, value, written) => {
    const text = toYaml({ [value]: value });
    expect(text).toBe(`${written}: ${written}\n`);
    expect(parse(text)).toEqual({ [value]: value });
    expect(parse(text, { version: "1.1" })).toEqual({ [value]: value });
  });

  test("an unpaired surrogate is U+FFFD, quoted or not (go-yaml refuses the escape JSON gives it)", () => {
    expect(toYaml({ v: "a\ud800 " })).toBe('v: "a\ufffd "\n');
    expect(toYaml({ v: "\udc00:" })).toBe('v: "\ufffd:"\n');
    expect(toYaml({ v: "x\ud800" })).toBe("v: x\ufffd\n");
    // A pair is one character, kept.
    expect(toYaml({ v: "\ud83d\ude00 " })).toBe('v: "\ud83d\ude00 "\n');
    // A backslash before `ud800` is text, not an escape.
    expect(toYaml({ v: "\\ud800 " })).toBe('v: "\\\\ud800 "\n');
  });
});

test("a list item holding hundreds of thousands of lines (no argument-stack overflow)", () => {
  const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
  const lines = toYaml({ items: [wide] }).split("\n");
  // Not parsed back: yaml's duplicate-key check is quadratic at this size.
  expect(lines).toHaveLength(200_002);
  expect(lines.slice(0, 3)).toEqual(["items:", "- k0: 0", "  k1: 1"]);
  expect(lines[200_000]).toBe("  k199999: 199999");
});

test("blocks remembered by a watch session are pasted back exactly, list dashes and non-ASCII text included", () => {
  const leaf = { description: "Größe — ünïcode", enum: ["a", "b"], type: "string" };
  const item = { properties: { size: leaf }, type: "object" };
  const doc = { list: [item, item, "x"], nested: { deeper: { other: leaf } }, text: "line one\nline two" };
  const memo: RenderMemo = new WeakMap();
  const plain = toYamlDocument(doc).toString();
  expect(toYamlDocument(doc, memo).toString()).toBe(plain);
  // The second run pastes the blocks the first one wrote (the same objects at the same indentation).
  expect(toYamlDocument(doc, memo).toString()).toBe(plain);
  expect(memo.get(item)?.indent).toBe(2);
  expect(parse(plain)).toEqual(doc);
  expect(plain).toContain("- properties:\n    size:\n");
  // A block met at another indentation is written afresh, not pasted at the wrong depth.
  const moved = { again: item };
  expect(toYamlDocument(moved, memo).toString()).toBe(toYamlDocument(moved).toString());
});

describe("output in pieces", () => {
  const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
  const schemaLike = (i: number) => ({
    description: `Feld ${i}: Größe — ünïcode ✓ 😀`,
    items: {
      properties: { name: { type: "string" }, size: { maximum: i, type: "integer" } },
      type: "object",
    },
    type: "array",
  });
  // About 600 KB: the writer's first piece is 64 KiB, the next ones twice as large each.
  const big = {
    list: Array.from({ length: 600 }, (_, i) => ({ [`p${i}`]: schemaLike(i), tags: [`t${i}`, "ü"] })),
    properties: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, schemaLike(i)])),
  };

  test("a large document's pieces are each whole UTF-8 and together the document", () => {
    const text = toYamlDocument(big);
    expect(text.pieces.length).toBeGreaterThan(3);
    const decoded = text.pieces.map((p) => strictUtf8.decode(p));
    expect(decoded.join("")).toBe(text.toString());
    expect(text.byteLength).toBe(Buffer.byteLength(text.toString()));
    expect(parse(text.toString(), { maxAliasCount: -1 })).toEqual(big);
  });

  test("blocks a watch session remembers across piece boundaries are pasted back exactly", () => {
    const memo: RenderMemo = new WeakMap();
    const plain = toYamlDocument(big).toString();
    expect(toYamlDocument(big, memo).toString()).toBe(plain);
    expect(toYamlDocument(big, memo).toString()).toBe(plain);
  });

  test("a document cut by the first piece's end anywhere reads as the same text (property)", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string({ unit: "grapheme" }),
        fc.integer(),
        fc.boolean(),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: "grapheme", minLength: 1 }), tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(
        fc.integer({ min: 1306, max: 1310 }),
        fc.integer({ min: 1, max: 47 }),
        json,
        (lines, last, value) => {
          // `a:` and lines of 50 bytes (`- ` and 47 characters) fill the first piece (64 KiB) to
          // 65,300-65,550 bytes; `b` then crosses its end wherever that falls.
          const pad = [...Array<string>(lines).fill("x".repeat(47)), "z".repeat(last)];
          expect(toYaml({ a: pad, b: value })).toBe(
            `a:\n${pad.map((l) => `- ${l}\n`).join("")}${toYaml({ b: value })}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
