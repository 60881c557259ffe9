/**
 * `mayHaveYaml11Differences` lets `crdgen check` skip the node walk of files without YAML 1.1
 * ambiguities; it must never skip a file in which the walk finds one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHaveYaml11Differences } from "../../src/check/yaml11.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { yaml11Differences } from "../../src/yaml/yaml11.js";

const AMBIGUOUS = ["y", "Yes", "ON", "off", "n", "NO", "017", "-017", "0b101", "1_000", "1:30", "190:20:30"];
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
  decoration: fc.constantFrom("", "", "!!str ", "!custom "),
  comment: fc.boolean(),
});

const { node } = fc.letrec<{ node: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.record({
      kind: fc.constant("map" as const),
      flow: fc.boolean(),
      entries: fc.uniqueArray(fc.tuple(key, tie("node")), {
        selector: ([k]) => k,
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      kind: fc.constant("seq" as const),
      flow: fc.boolean(),
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

function differences(text: string): number {
  const { documents } = parseYamlDocuments(text, "t.yaml");
  return documents.flatMap((d) => yaml11Differences(d.doc, d.lineCounter)).length;
}

describe("mayHaveYaml11Differences", () => {
  it("is true for every document in which the node walk finds a difference", () => {
    fc.assert(
      fc.property(node, fc.boolean(), fc.boolean(), (root, crlf, marker) => {
        const lines = root.kind === "scalar" ? [flow(root)] : block(root, 0, "");
        const text = (marker ? "--- \n" : "") + lines.join(crlf ? "\r\n" : "\n") + "\n";
        if (differences(text) > 0) expect(mayHaveYaml11Differences(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "a: yes\n",
    "- on\n",
    "k: !!str 017\n",
    "k: &x off # c\n",
    "[x, 1_000]\n",
    '{"k":n}\n',
    "? y\n: 1\n",
    "k:\n  1:30\n",
    "<<: {a: 1}\n",
    "1_000:\n  - x\n",
    "mode: 0644\r\n",
  ])("notices %j", (text) => {
    expect(differences(text)).toBeGreaterThan(0);
    expect(mayHaveYaml11Differences(text)).toBe(true);
  });

  it.each([
    "description: this is on by default\n",
    "pattern: ^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$\n",
    'k: "on"\n',
    "k: 17\n",
  ])("lets %j through", (text) => {
    expect(differences(text)).toBe(0);
    expect(mayHaveYaml11Differences(text)).toBe(false);
  });
});
