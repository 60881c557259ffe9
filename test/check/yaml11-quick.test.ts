/**
 * parseYamlDocuments finds YAML 1.1 ambiguities of streams in the block subset while the block
 * reader reads them; it must find exactly what the yaml package's node walk finds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { yaml11Differences, type Yaml11Difference } from "../../src/yaml/yaml11.js";
import { readBlockYaml } from "../../src/yaml/block-reader.js";

const AMBIGUOUS = [
  ...["y", "Yes", "ON", "off", "n", "NO", "017", "-017", "0b101", "1_000", "1:30", "190:20:30"],
  // Numbers JSON has no value for (check/non-finite.test.ts).
  ...[".inf", "-.Inf", ".NaN", "1e400", "-2.5E+999"],
];
const PLAIN = [
  "x",
  "true",
  "17",
  "0",
  "1.5",
  "2001-12-14",
  "yes please",
  "a:b",
  "on#x",
  "1_000.5",
  ".5_0",
  "+1_0",
];
const QUOTED = ['"on"', "'no'", '"017"'];
const token = fc.constantFrom(...AMBIGUOUS, ...PLAIN, ...QUOTED);
const key = fc.constantFrom(...AMBIGUOUS, ...PLAIN, ...QUOTED, "<<", "k", "name");

type YamlNode =
  | { kind: "scalar"; text: string; decoration: string; comment: boolean }
  | { kind: "map"; flow: boolean; entries: Array<[string, YamlNode]> }
  | { kind: "seq"; flow: boolean; items: YamlNode[] };

const scalar: fc.Arbitrary<YamlNode> = fc.record({
  kind: fc.constant("scalar" as const),
  text: token,
  // Tags are rare so that many streams stay in the block subset.
  decoration: fc.oneof(
    { arbitrary: fc.constant(""), weight: 30 },
    { arbitrary: fc.constantFrom("!!str ", "!custom "), weight: 1 },
  ),
  comment: fc.boolean(),
});

const { node } = fc.letrec<{ node: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.record({
      kind: fc.constant("map" as const),
      flow: fc.oneof(
        { arbitrary: fc.constant(false), weight: 8 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      entries: fc.uniqueArray(fc.tuple(key, tie("node")), {
        selector: ([k]) => k,
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      kind: fc.constant("seq" as const),
      flow: fc.oneof(
        { arbitrary: fc.constant(false), weight: 8 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      items: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
    }),
  ),
}));

/** Flow style for everything inside a flow collection (block collections cannot appear there). */
function flow(n: YamlNode): string {
  if (n.kind === "scalar") return `${n.decoration}${n.text}`;
  if (n.kind === "map") return `{${n.entries.map(([k, v]) => `${k}: ${flow(v)}`).join(", ")}}`;
  return `[${n.items.map(flow).join(", ")}]`;
}

/** Lines of `n` as the value after `prefix` (a key and colon, or a dash) at `indent`. */
function block(n: YamlNode, indent: number, prefix: string): string[] {
  const pad = " ".repeat(indent);
  if (n.kind === "scalar")
    return [`${pad}${prefix}${prefix ? " " : ""}${n.decoration}${n.text}${n.comment ? " # note" : ""}`];
  if (n.flow) return [`${pad}${prefix}${prefix ? " " : ""}${flow(n)}`];
  const head = prefix ? [`${pad}${prefix}`] : [];
  const inner = prefix ? indent + 2 : indent;
  if (n.kind === "map") return [...head, ...n.entries.flatMap(([k, v]) => block(v, inner, `${k}:`))];
  return [...head, ...n.items.flatMap((v) => block(v, inner, "-"))];
}

/** What the yaml package's node walk finds (the reference), as comparable rows. */
function walked(text: string): unknown[][] {
  const { documents } = parseYamlDocuments(text, "t.yaml");
  return documents.flatMap((d) => yaml11Differences(d.doc, d.lineCounter)).map(row);
}

/** What parseYamlDocuments reports: from the block reader when the stream is in its subset. */
function reported(text: string): unknown[][] {
  return parseYamlDocuments(text, "t.yaml").yaml11Differences().map(row);
}

function row(d: Yaml11Difference): unknown[] {
  return [d.line, d.column, d.isKey, d.source, d.yaml11Value, d.message];
}

describe("YAML 1.1 differences found by the block reader", () => {
  it("are exactly those the yaml package's node walk finds", () => {
    let quick = 0;
    fc.assert(
      fc.property(node, fc.constantFrom(false, false, false, true), fc.boolean(), (root, crlf, marker) => {
        const lines = root.kind === "scalar" ? [flow(root)] : block(root, 0, "");
        const text = (marker ? "--- \n" : "") + lines.join(crlf ? "\r\n" : "\n") + "\n";
        if (readBlockYaml(text)?.values !== undefined) quick++;
        expect(reported(text)).toEqual(walked(text));
      }),
      { numRuns: 2000 },
    );
    // Many generated streams must take the quick path, or the property compares the walk with itself.
    expect(quick).toBeGreaterThan(400);
  });

  it.each([
    ["a: yes\n", 1],
    ["- on\n", 1],
    ["k:\n  1:30\n", 1],
    ["1_000:\n  - x\n", 1],
    ["k: 017 # c\r\n", 1],
    ["k: |\n  on\n", 0],
    ["description: this is on by default\n", 0],
    ["pattern: ^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$\n", 0],
    ['k: "on"\n', 0],
    ["k: 17\n", 0],
  ])("%j has %i, found on the quick path", (text, count) => {
    expect(readBlockYaml(text)?.values).toBeDefined();
    expect(reported(text)).toHaveLength(count);
    expect(reported(text)).toEqual(walked(text));
  });

  it.each([
    "k: !!str 017\n",
    "k: &x off # c\n",
    "<<: {a: 1}\n",
    "[x, 1:30]\n",
    "k: [x, 1:30]\n",
    '{"k":n}\n',
    "? y\n: 1\n",
  ])("%j takes the full parse and still gets its warning", (text) => {
    expect(readBlockYaml(text)?.values).toBeUndefined();
    expect(reported(text).length).toBeGreaterThan(0);
  });
});
