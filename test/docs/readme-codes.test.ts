/**
 * README's diagnostic codes against src/diagnostics/codes.ts: its "Diagnostic codes" list names
 * every code once, in order, and no other; every `CRDnnnn` README mentions exists; and each code a
 * case below can produce is produced by it, with the severity the list gives it ("warning:" or an
 * error). The cases are README's own examples where it gives one.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import { generate } from "../../src/generate.js";
import { generateFrom, withRoot, type Sources } from "../helpers/generate.js";
import { README, crdgen, lineOf } from "./readme.js";

interface Listed {
  code: string;
  severity: "error" | "warning";
  meaning: string;
}

function listedCodes(): Listed[] {
  const section = /^### Diagnostic codes\n([\s\S]*?)(?=^#)/m.exec(README);
  expect(section, "README has a ### Diagnostic codes section").not.toBeNull();
  return [...section![1]!.matchAll(/^- `(CRD\d{4})` (warning: )?(.*)$/gm)].map((m) => ({
    code: m[1]!,
    severity: m[2] ? "warning" : "error",
    meaning: m[3]!,
  }));
}

const root = (name: string, tags = "", body = "spec: { a?: string }") =>
  `/**\n * @crd\n * @group example.com\n * @version v1\n${tags}\n */\nexport interface ${name} { ${body} }\n`;

/** A source that gives `code` (README's example where it has one). */
const GENERATED: Record<string, Sources | string> = {
  CRD1002: withRoot("{ n?: bigint }"),
  CRD1003: withRoot("{\n  /** @maxLenght 3 */\n  n?: string;\n}"),
  CRD1004: `export enum Phase { Pending = "pending" }\n${withRoot("{\n  /** @default Phase.Done */\n  p?: Phase;\n}")}`,
  CRD1005: withRoot("{\n  /** @shortName w */\n  n?: string;\n}"),
  CRD1006: `/**\n * @crd\n * @group example.com\n */\nexport interface Widget { spec: { a?: string } }\n`,
  CRD1007: "export interface Widget { spec: { a?: string } }\n",
  CRD1008: withRoot("{ tree?: Tree }", "interface Tree { children?: Tree[] }"),
  CRD1010: withRoot("{ v?: string | boolean }"),
  CRD1011: root("Widget") + root("Gadget", " * @kind Widget"),
  // Two versions of one kind, neither tagged @storageVersion.
  CRD1012: root("Widget") + root("WidgetV2", " * @kind Widget").replace("@version v1", "@version v2"),
  CRD1013: `/**\n * @crd\n * @group example.com\n * @version v1\n */\nexport class Widget { spec?: { a?: string } }\n`,
  CRD1014: withRoot("{ /** @maxItems 3 */ a: string[] }"),
  CRD1015: withRoot("{ m?: { [key: `x-${string}`]: string } }"),
  CRD1016: withRoot(
    "{ ab?: A & B }",
    "interface A {\n  /** @maxLength 3 */\n  x?: string;\n}\ninterface B {\n  /** @maxLength 4 */\n  x?: string;\n}",
  ),
  CRD1017: withRoot("{\n  /** +kubebuilder:validation:Minimum=0 */\n  n?: number;\n}"),
  CRD1018: root("WidgetSpec"),
  CRD1019: withRoot("{\n  // @maxLength 63\n  n?: string;\n}"),
  CRD1021: {
    "/project/types.ts": withRoot("{ o?: Other }", 'import type { Other } from "./other.js";'),
    "/project/other.ts": root("Other"),
  },
  CRD1022: root("Widget", "", 'kind: "postgresql"; spec: { a?: string }'),
  CRD2001: withRoot('{\n  /** @validation rule="self.a + " */\n  n?: { a?: string };\n}'),
  CRD3001: withRoot("{ m?: { a: string; [key: string]: string } }"),
  CRD1024: withRoot('{\n  /** The name, see {@link Spec\n   * @default "x" */\n  n?: string;\n}'),
  CRD1025: withRoot("{\n  /** {@inheritDoc Nowhere.n} */\n  n?: string;\n}"),
  CRD1026: withRoot("{ box?: Box }", "export class Box {\n  private secret = 1;\n  size = 2;\n}"),
  CRD1027: withRoot(
    "{\n  /**\n   * ```\n   * @default 3\n   * @deprecated\n   * ```\n   */\n  n?: number;\n}",
  ),
  CRD3003: withRoot('{ u?: { kind: "a"; x: string } | { kind: "b"; x: number } }'),
  CRD3005: withRoot("{ items?: Item[] }", "interface Item {\n  /** @immutable */\n  name?: string;\n}"),
  CRD3006: withRoot("{\n  /** @maxLength 63 */\n  names?: string[];\n}"),
  CRD3007: withRoot("{\n  /** @schemaType string */\n  at?: { seconds: number };\n}"),
  CRD3009: withRoot("{\n  /** @exactlyOneOf name,selectr */\n  o?: { name?: string; selector?: string };\n}"),
  CRD3010: withRoot(
    "{\n  source?: Source;\n}",
    'type Source = { kind: "inline"; data: unknown } | { kind: "url"; url: string };',
  ),
  CRD3011: withRoot("{\n  /** @immutable */\n  extra?: unknown;\n}"),
};

describe("README's diagnostic codes", () => {
  const listed = listedCodes();
  const bySeverity = new Map(listed.map((l) => [l.code, l.severity]));

  it("lists every code of codes.ts once, in order, and no other", () => {
    expect(listed.map((l) => l.code)).toEqual(Object.values(codes));
  });

  it("mentions no code that does not exist", () => {
    const known = new Set<string>(Object.values(codes));
    const unknown = [...README.matchAll(/CRD\d{4}/g)]
      .filter((m) => !known.has(m[0]))
      .map((m) => `${m[0]} (line ${lineOf(m.index)})`);
    expect(unknown).toEqual([]);
  });

  it("says which codes are no longer given", () => {
    // codes.objectUnion is kept so that no other meaning takes CRD1009; nothing reports it.
    expect(listed.find((l) => l.code === codes.objectUnion)?.meaning).toMatch(/^no longer given/);
  });

  it.each(Object.entries(GENERATED))(
    "%s is given by its example, with the listed severity",
    (code, source) => {
      const found = generateFrom(source).diagnostics.filter((d) => d.code === code);
      expect(found.map((d) => d.severity)).toContain(bySeverity.get(code));
    },
  );

  it("CRD4001 and CRD4004: a missing entry and an option the API cannot use", () => {
    const missing = generate({
      entries: ["/project/gone.ts"],
      cwd: "/project",
      fileSystem: new InMemoryFileSystemHost(),
    });
    expect(missing.diagnostics).toContainEqual(
      expect.objectContaining({ code: "CRD4001", severity: "error" }),
    );
    const bad = generate({ entries: ["/nope.ts"], format: "xml" as "yaml" });
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ code: "CRD4004", severity: "error" }));
  });

  it("CRD4005: an entry saved as Latin-1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-readme-codes-"));
    const latin1 = Buffer.from(root("Widget", "", "spec: { /** Größe */ a?: string }"), "latin1");
    writeFileSync(path.join(dir, "widget.ts"), latin1);
    const result = generate({ entries: ["widget.ts"], cwd: dir });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: "CRD4005", severity: bySeverity.get("CRD4005") }),
    );
  });

  it("CRD2002 to CRD2006: crdgen check of CRDs, custom resources and YAML", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-readme-codes-"));
    const write = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), name);
    const crd = write(
      "crd.yaml",
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              mode: {type: string, enum: ["on", "off"]}
              size: {type: integer}
`,
    );
    const crs = write(
      "crs.yaml",
      `apiVersion: example.com/v1
kind: Widget
metadata: {name: a}
spec: {size: big, extra: 1, mode: on}
---
apiVersion: example.com/v2
kind: Gadget
metadata: {name: b}
`,
    );
    const bad = write("bad.yaml", "a: [\n");
    const r = crdgen(["check", crd, bad, "--instances", crs, "--format", "json"], dir);
    const found = (JSON.parse(r.stdout) as { code: string; severity: string }[]).map(
      (f) => `${f.code} ${f.severity}`,
    );
    for (const code of ["CRD2002", "CRD2003", "CRD2004", "CRD2005", "CRD2006"]) {
      expect(found).toContain(`${code} ${bySeverity.get(code)}`);
    }
  });
});
