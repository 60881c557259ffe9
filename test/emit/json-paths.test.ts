/**
 * Paths of printer columns, scale subresources and selectable fields, read as Kubernetes reads
 * each (src/emit/json-paths.ts) and checked against the schema (src/emit/version-checks.ts).
 */
import { describe, expect, test } from "vitest";
import { resolvePath, splitPath, type PathSyntax } from "../../src/emit/json-paths.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { ENTRY, errorsOf, generateFrom } from "../helpers/generate.js";

describe("splitPath", () => {
  test.each<[string, PathSyntax, string[]]>([
    [".spec.a", "jsonpath", ["spec", "a"]],
    // kubectl: `\` keeps the next character in the name and is dropped itself.
    [".metadata.annotations.example\\.com/x", "jsonpath", ["metadata", "annotations", "example.com/x"]],
    [".spec.a\\.b.c", "jsonpath", ["spec", "a.b", "c"]],
    [".spec.a\\[0\\]", "jsonpath", ["spec", "a[0]"]],
    [".spec.x\\\\.y", "jsonpath", ["spec", "x", "y"]],
    [".spec['a.b'].c", "jsonpath", ["spec", "a.b", "c"]],
    ['.spec["a.b"]', "jsonpath", ["spec", "a.b"]],
    ['.status.conditions[?(@.type=="Ready")].status', "jsonpath", ["status", "conditions", "[]", "status"]],
    [".spec.list[*].name", "jsonpath", ["spec", "list", "[]", "name"]],
    [".spec.list[0]", "jsonpath", ["spec", "list", "[]"]],
    [".spec.replicas", "dotted", ["spec", "replicas"]],
  ])("%s (%s)", (path, syntax, names) => {
    const steps = splitPath(path, syntax);
    expect(Array.isArray(steps) && steps.map((s) => (s.kind === "field" ? s.name : "[]"))).toEqual(names);
    // Each step keeps its text as written, so messages can show a prefix of the path.
    expect(Array.isArray(steps) && steps.map((s) => s.text).join("")).toBe(path);
  });

  test.each<[string, PathSyntax, string]>([
    ["spec.a", "jsonpath", "spec.a"],
    [".spec..a", "jsonpath", "..a"],
    [".spec.a.", "jsonpath", "."],
    [".spec.a[", "jsonpath", "["],
    [".spec.a b", "jsonpath", " b"],
    ["spec.replicas", "dotted", "spec.replicas"],
    [".spec.a\\.b", "dotted", ".a\\.b"],
    [".spec['a.b']", "dotted", ".spec['a.b']"],
    [".spec.list[0]", "dotted", ".list[0]"],
    [".spec..a", "dotted", "..a"],
  ])("%s (%s) cannot be read from %s", (path, syntax, rest) => {
    expect(splitPath(path, syntax)).toEqual({ rest });
  });
});

describe("resolvePath", () => {
  const schema: JSONSchemaProps = {
    type: "object",
    properties: {
      metadata: { type: "object" },
      spec: {
        type: "object",
        properties: {
          "a.b": { type: "string" },
          a: { type: "object", properties: { b: { type: "integer" } } },
          list: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
          free: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        },
      },
    },
  };

  test.each<[string, PathSyntax, ReturnType<typeof resolvePath>]>([
    [".spec.a\\.b", "jsonpath", { kind: "found", schema: { type: "string" } }],
    [".spec['a.b']", "jsonpath", { kind: "found", schema: { type: "string" } }],
    [".spec.a.b", "jsonpath", { kind: "found", schema: { type: "integer" } }],
    [".spec.a.b", "dotted", { kind: "found", schema: { type: "integer" } }],
    [".spec.list[*].name", "jsonpath", { kind: "found", schema: { type: "string" } }],
    [
      ".metadata.annotations.app\\.kubernetes\\.io/name",
      "jsonpath",
      { kind: "found", schema: { type: "string" } },
    ],
    [".metadata.labels.app", "dotted", { kind: "found", schema: { type: "string" } }],
    [".spec.free.any[0].thing", "jsonpath", { kind: "unknown" }],
    [
      ".spec.a\\.c",
      "jsonpath",
      {
        kind: "missing",
        at: ".spec.a\\.c",
        name: "a.c",
        parent: ".spec",
        fields: ["a.b", "a", "list", "free"],
      },
    ],
    [
      ".spec.list.name",
      "jsonpath",
      { kind: "missing", at: ".spec.list.name", name: "name", parent: ".spec.list", inList: true },
    ],
    [".metadata.nope.x", "jsonpath", { kind: "missing", at: ".metadata.nope" }],
    [".spec.a\\.b", "dotted", { kind: "unreadable", rest: ".a\\.b" }],
  ])("%s (%s)", (path, syntax, resolved) => {
    expect(resolvePath(schema, path, syntax)).toEqual(resolved);
  });
});

describe("paths checked against the schema, at their tag", () => {
  const source = (tags: string) => `export interface Spec {
  "a.b"?: string;
  replicas?: integer;
  "r.s"?: integer;
  list?: { name: string }[];
}
type integer = number;
/**
 * @crd
 * @group example.com
 * @version v1
 * @subresource status
${tags
  .split("\n")
  .map((t) => ` * ${t}`)
  .join("\n")}
 */
export interface Job { spec: Spec; status?: { replicas?: integer; selector?: string } }
`;

  test.each([
    "@printColumn name=Name type=string jsonPath=.metadata.annotations.app\\.kubernetes\\.io/name",
    "@printColumn name=AB type=string jsonPath=.spec.a\\.b",
    '@printColumn name=AB type=string jsonPath=".spec.a\\.b"',
    "@printColumn name=AB type=string jsonPath=.spec['a.b']",
    "@printColumn name=N type=string jsonPath=.spec.list[*].name",
    "@selectableField .spec.replicas",
    "@subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas labelSelectorPath=.status.selector",
  ])("%s", (tag) => {
    const result = generateFrom(source(tag));
    expect(result.diagnostics).toEqual([]);
    const version = result.crds[0]!.spec.versions[0]!;
    // Written to the CRD as the tag has it: kubectl reads the escapes itself.
    const written = tag.match(/jsonPath="?([^"]*)"?$/)?.[1];
    if (written) expect(version.additionalPrinterColumns![0]!.jsonPath).toBe(written);
  });

  test.each([
    [
      "@printColumn name=S type=string jsonPath=spec.a",
      '@printColumn jsonPath must start with "." (a path from the object\'s root), got "spec.a".',
      "write jsonPath=.spec.a",
    ],
    [
      "@subresource scale specReplicasPath=spec.replicas statusReplicasPath=.status.replicas",
      '@subresource specReplicasPath must start with "." (a path from the object\'s root), got "spec.replicas".',
      "write specReplicasPath=.spec.replicas",
    ],
    [
      "@printColumn name=X type=string jsonPath=.spec.a\\.c",
      'Printer column "X" path .spec.a\\.c does not exist in Job\'s schema (no field at .spec.a\\.c).',
      // A suggested name with a dot is written as the path syntax writes it.
      "did you mean .spec.a\\.b?",
    ],
    [
      "@printColumn name=X type=string jsonPath=.spec.list.name",
      'Printer column "X" path .spec.list.name does not exist in Job\'s schema (no field at .spec.list.name).',
      ".spec.list is a list: write .spec.list[*].name",
    ],
    [
      "@printColumn name=X type=string jsonPath=.spec..a",
      'Printer column "X" path .spec..a is not a JSONPath crdgen can follow (at "..a").',
      "write fields as .name (a dot inside a name as \\. or ['a.b']), list items as [*], [0] or [?(@.type==\"Ready\")]",
    ],
    [
      "@selectableField .spec.a\\.b",
      'Selectable field .spec.a\\.b is not a plain path: Kubernetes reads it as names between dots, with no brackets or \\ escapes (at ".a\\.b").',
      "a field whose name holds a dot, or one inside a list, cannot be used here",
    ],
    [
      "@selectableField .spec['a.b']",
      "Selectable field .spec['a.b'] is not a plain path: Kubernetes reads it as names between dots, with no brackets or \\ escapes (at \".spec['a.b']\").",
      "a field whose name holds a dot, or one inside a list, cannot be used here",
    ],
    [
      "@subresource scale specReplicasPath=.spec.r\\.s statusReplicasPath=.status.replicas",
      'specReplicasPath .spec.r\\.s is not a plain path: Kubernetes reads it as names between dots, with no brackets or \\ escapes (at ".r\\.s").',
      "a field whose name holds a dot, or one inside a list, cannot be used here",
    ],
  ])("%s is an error at the tag", (tag, message, hint) => {
    const text = source(tag);
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.message, e.hint])).toEqual([[message, hint]]);
    const line = text.split("\n").findIndex((l) => l.includes(tag)) + 1;
    expect(errors[0]!.location).toMatchObject({ file: ENTRY, line });
  });
});
