/**
 * Findings of `crdgen check` span the key or value they are about: the JSON output carries
 * endLine/endColumn, GitHub annotations get endLine/endColumn (columns on one line only, the
 * end column inclusive as GitHub reads it), and the code frame underlines it.
 */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir } from "../check/harness.js";

interface Row {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path: string;
  type: string;
}

async function findings(files: Record<string, string>, args = ["crd.yaml"]): Promise<Row[]> {
  return JSON.parse((await check(["--format", "json", ...args], tempDir(files))).stdout) as Row[];
}

/** The text a finding spans in `text`. */
function spanned(text: string, f: Row): string | undefined {
  if (f.endLine === undefined || f.endColumn === undefined) return undefined;
  const lines = text.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(offset(f.line, f.column), offset(f.endLine, f.endColumn));
}

describe("check findings span what they are about", () => {
  it("a value: the scalar, quotes included", async () => {
    const text = crdYaml((t) => t.replace("scope: Namespaced", 'scope: "Global"'));
    const [f] = await findings({ "crd.yaml": text });
    expect(spanned(text, f!)).toBe('"Global"');
  });

  it("an unknown field: its key", async () => {
    const text = crdYaml((t) => t.replace("scope: Namespaced", "scope: Namespaced\n  bogusField: 1"));
    const [f] = await findings({ "crd.yaml": text });
    expect(f!.type).toBe("FieldValueForbidden");
    expect(spanned(text, f!)).toBe("bogusField");
  });

  it("a mapping value: all its lines, without the line break after it", async () => {
    const text = crdYaml((t) =>
      t.replace(
        "              properties:\n",
        "              additionalProperties:\n                type: string\n                maxLength: 3\n              properties:\n",
      ),
    );
    const found = await findings({ "crd.yaml": text });
    const f = found.find((r) => r.path.endsWith("additionalProperties"))!;
    expect(spanned(text, f)).toBe("type: string\n                maxLength: 3");
  });

  it("a missing field: a point where its parent is, the parent not underlined", async () => {
    const text = crdYaml((t) => t.replace("    plural: widgets\n", ""));
    const found = await findings({ "crd.yaml": text });
    const f = found.find((r) => r.path === "spec.names.plural")!;
    expect(f).toBeDefined();
    expect(f.endLine).toBeUndefined();
    expect(f.endColumn).toBeUndefined();
  });

  it("a value kubectl reads differently (YAML 1.1): the scalar", async () => {
    const text = crdYaml((t) => t.replace("served: true", "served: true\n      deprecated: no"));
    const found = await findings({ "crd.yaml": text });
    const f = found.find((r) => r.type === "YAML11Ambiguity")!;
    expect(spanned(text, f)).toBe("no");
  });

  it("a template action: the action", async () => {
    const text = crdYaml((t) =>
      t.replace("  scope: Namespaced", "{{- if .Values.crds }}\n  scope: Namespaced"),
    );
    const [f] = await findings({ "crd.yaml": text });
    expect(f!.type).toBe("Template");
    expect(spanned(text, f!)).toBe("{{- if .Values.crds }}");
  });

  it("an alias to no anchor: the alias", async () => {
    const text = crdYaml((t) => t.replace("scope: Namespaced", "scope: *nowhere"));
    const [f] = await findings({ "crd.yaml": text });
    expect(f!.type).toBe("YAMLSyntax");
    expect(spanned(text, f!)).toBe("*nowhere");
  });
});

describe("--format github gives the span", () => {
  it("on one line: endLine, and endColumn as the span's last column", async () => {
    const text = crdYaml((t) => t.replace("scope: Namespaced", "scope: Global"));
    const run = await check(["--format", "github", "crd.yaml"], tempDir({ "crd.yaml": text }));
    expect(run.stdout).toMatch(
      /^::error file=crd\.yaml,line=10,endLine=10,col=10,endColumn=15,title=CRD2001::/,
    );
  });

  it("over several lines: the lines alone (GitHub takes columns on one line only)", async () => {
    const text = crdYaml((t) =>
      t.replace(
        "              properties:\n",
        "              additionalProperties:\n                type: string\n                maxLength: 3\n              properties:\n",
      ),
    );
    const run = await check(["--format", "github", "crd.yaml"], tempDir({ "crd.yaml": text }));
    expect(run.stdout).toMatch(/^::error file=crd\.yaml,line=22,endLine=23,title=CRD2001::/m);
  });
});

describe("the human format underlines the span", () => {
  it("under the whole value", async () => {
    const text = crdYaml((t) => t.replace("scope: Namespaced", "scope: Global"));
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": text }));
    expect(run.stdout).toContain("10   scope: Global\n            ~~~~~~\n");
  });
});
