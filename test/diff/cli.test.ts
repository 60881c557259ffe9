import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { crd, crdWithSpec, object, version } from "../helpers/crds.js";
import { lineOf, run, tempDir, writeYaml } from "./cli-helpers.js";

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir("cli"));
});
afterEach(() => cleanup());

const oldSpec = object({ replicas: { type: "integer", maximum: 10 }, image: { type: "string" } });
const newSpec = object({ replicas: { type: "integer", maximum: 5 }, tag: { type: "string" } });
const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "not-a-crd" } };

/** old/ and new/ folders: widgets loses `image` and lowers a maximum; gadgets is only added. */
function writeSides(): void {
  writeYaml(dir, "old/widgets.yaml", [crdWithSpec(oldSpec), configMap]);
  writeYaml(dir, "new/nested/widgets.yaml", [configMap, crdWithSpec(newSpec)]);
  writeYaml(dir, "new/gadgets.yml", [crd({ plural: "gadgets", kind: "Gadget" })]);
}

describe("crdgen diff: inputs and exit codes", () => {
  it("exits 1 on breaking changes and lists them in a table", async () => {
    writeSides();
    const result = await run(["old", "new"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const [header, ...rows] = result.stdout.split("\n");
    expect(header).toMatch(/^IMPACT\s+CRD\s+VERSION\s+KIND\s+PATH\s+MESSAGE$/);
    expect(rows.some((r) => /^breaking\s+widgets\.example\.com\s+v1\s+field-removed\s/.test(r))).toBe(true);
    expect(rows.some((r) => /^compatible\s+gadgets\.example\.com\s+-\s+crd-added\s/.test(r))).toBe(true);
    expect(result.stdout).toContain("4 changes in 2 CRDs, 2 breaking.");
  });

  it("exits 0 with --allow-breaking, and with nothing breaking", async () => {
    writeSides();
    expect((await run(["--allow-breaking", "old", "new"], dir)).code).toBe(0);
    const same = await run(["old", "old/widgets.yaml"], dir);
    expect(same).toMatchObject({ code: 0, stdout: "No API changes.\n" });
  });

  it("reads the CRDs of a kind: List, as kubectl get crds -o yaml writes them", async () => {
    const list = (spec: typeof oldSpec) => ({
      apiVersion: "v1",
      kind: "List",
      items: [configMap, crdWithSpec(spec)],
    });
    writeYaml(dir, "old.yaml", [list(oldSpec)]);
    writeYaml(dir, "new.yaml", [list(newSpec)]);
    const result = await run(["--format", "json", "old.yaml", "new.yaml"], dir);
    expect(result.stderr).toBe("");
    const { changes } = JSON.parse(result.stdout) as { changes: { kind: string; line?: number }[] };
    expect(changes.map((c) => c.kind)).toEqual(["field-removed", "bounds-tightened", "field-added"]);
    const text = readFileSync(path.join(dir, "new.yaml"), "utf8");
    expect(changes[1]?.line).toBe(lineOf(text, "maximum: 5"));
  });

  it("reads JSON files too", async () => {
    writeFileSync(path.join(dir, "old.json"), JSON.stringify(crdWithSpec(oldSpec)));
    writeYaml(dir, "new.yaml", [crdWithSpec(oldSpec)]);
    expect(await run(["old.json", "new.yaml"], dir)).toMatchObject({ code: 0, stdout: "No API changes.\n" });
  });

  it.each([
    ["an unknown flag", ["--nope", "a", "b"], /crdgen diff: unknown option --nope\n/],
    ["a missing argument", ["only-one"], /expected <old> and <new>, got 1/],
    ["an extra argument with --base", ["--base", "HEAD", "a", "b"], /expected <new>/],
    // Worded as check and generate word it.
    [
      "an unknown format",
      ["--format", "xml", "a", "b"],
      /^crdgen diff: --format must be one of human, json, markdown, github, got "xml"\n/,
    ],
    ["a missing --base value", ["--base"], /--base/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const result = await run(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage:");
    expect(result.stdout).toBe("");
  });

  // Exit 1, not 2: a path that names nothing is an input error (README), as in generate and check.
  it.each([
    ["the new side", ["old", "missing"]],
    ["the old side", ["missing", "new"]],
  ])("exits 1 on an unreadable path on %s, naming it", async (_side, args) => {
    writeSides();
    const result = await run(args, dir);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe("crdgen diff: cannot read missing: no such file or directory\n");
  });

  // Exit 1, not 2: invalid YAML is an input error (README).
  it("exits 1 on invalid YAML with file:line:column and no stack trace", async () => {
    writeSides();
    writeFileSync(path.join(dir, "new/broken.yaml"), "apiVersion: v1\nkind: [unclosed\n");
    const result = await run(["old", "new"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/new\/broken\.yaml:\d+:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("warns when a side holds no CRDs", async () => {
    writeYaml(dir, "empty.yaml", [configMap]);
    writeYaml(dir, "new.yaml", [crd()]);
    const result = await run(["empty.yaml", "new.yaml"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no apiextensions.k8s.io/v1 CustomResourceDefinitions in empty.yaml");
  });

  it("warns about a CRD defined twice and diffs the last definition", async () => {
    writeYaml(dir, "old.yaml", [crd()]);
    writeYaml(dir, "new/a.yaml", [crd({ scope: "Cluster" })]);
    writeYaml(dir, "new/b.yaml", [crd()]);
    const result = await run(["old.yaml", "new"], dir);
    expect(result).toMatchObject({ code: 0, stdout: "No API changes.\n" });
    expect(result.stderr).toContain(
      "widgets.example.com is defined in new/a.yaml and new/b.yaml; using the last",
    );
  });

  it("prints help", async () => {
    const result = await run(["--help"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("crdgen diff [options] --base <git-ref> <new>");
  });
});

describe("crdgen diff: output formats", () => {
  it("--format json parses and agrees with the exit code", async () => {
    writeSides();
    const result = await run(["--format", "json", "old", "new"], dir);
    const parsed = JSON.parse(result.stdout) as {
      summary: { changes: number; breaking: number; crds: number };
      changes: { kind: string; breaking: boolean; file?: string; line?: number; path: string }[];
    };
    expect(result.code).toBe(1);
    expect(parsed.summary).toEqual({ changes: parsed.changes.length, breaking: 2, crds: 2 });
    expect(parsed.changes.map((c) => c.kind).sort()).toEqual([
      "bounds-tightened",
      "crd-added",
      "field-added",
      "field-removed",
    ]);
    const bound = parsed.changes.find((c) => c.kind === "bounds-tightened");
    const text = readFileSync(path.join(dir, "new/nested/widgets.yaml"), "utf8");
    expect(bound).toMatchObject({ file: "new/nested/widgets.yaml", line: lineOf(text, "maximum: 5") });
  });

  it("--format markdown writes a summary line and a table, breaking rows first", async () => {
    writeSides();
    const result = await run(["--format", "markdown", "old", "new"], dir);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/2 breaking changes\*\*, 4 changes in total across 2 CRDs\.$/);
    expect(lines[2]).toBe("| Impact | CRD | Version | Change | Path | Details |");
    expect(lines[3]).toBe("| --- | --- | --- | --- | --- | --- |");
    const rows = lines.slice(4);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(8);
    const impacts = rows.map((r) => (r.startsWith("| **breaking**") ? "b" : "c")).join("");
    expect(impacts).toBe("bbcc");
  });

  it("--format markdown escapes pipes in cells", async () => {
    writeYaml(dir, "old.yaml", [crdWithSpec(object({ "a|b": { type: "string" } }))]);
    writeYaml(dir, "new.yaml", [crdWithSpec(object({}))]);
    const result = await run(["--format", "markdown", "old.yaml", "new.yaml"], dir);
    const row = result.stdout.trimEnd().split("\n").at(-1) ?? "";
    expect(row).toContain("properties[a\\|b]");
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it("--format markdown escapes Markdown and HTML in quoted values", async () => {
    writeYaml(dir, "old.yaml", [crdWithSpec(object({ a: { type: "string" } }))]);
    writeYaml(dir, "new.yaml", [
      crdWithSpec(object({ a: { type: "string", pattern: "^[a-z]*_x*$", enum: ["<script>"] } })),
    ]);
    const result = await run(["--format", "markdown", "old.yaml", "new.yaml"], dir);
    expect(result.stdout).toContain(String.raw`values must now match "^\[a-z\]\*\_x\*$"`);
    expect(result.stdout).toContain(String.raw`values are now limited to \["\<script\>"\]`);
  });

  it("--format github points at the key line of an added or removed field", async () => {
    writeYaml(dir, "old.yaml", [crdWithSpec(object({ gone: { type: "string" }, kept: { type: "string" } }))]);
    writeYaml(dir, "new.yaml", [
      crdWithSpec(object({ kept: { type: "string" }, fresh: { type: "string" } })),
    ]);
    const result = await run(["--format", "github", "old.yaml", "new.yaml"], dir);
    const text = readFileSync(path.join(dir, "new.yaml"), "utf8");
    const lineFor = (kind: string) =>
      /line=(\d+)/.exec(result.stdout.split("\n").find((l) => l.includes(kind)) ?? "")?.[1];
    // The new field's own key, not the `type:` line under it.
    expect(lineFor("field-added")).toBe(String(lineOf(text, "fresh:")));
    // The removed field's parent `properties:` key, not the sibling `kept:` listed first under it.
    expect(lineFor("field-removed")).toBe(String(lineOf(text, "kept:") - 1));
    expect(text.split("\n")[lineOf(text, "kept:") - 2]?.trim()).toBe("properties:");
  });

  it("--format github points at the name of an added list entry, and at the list of a removed one", async () => {
    const column = (name: string) => ({ name, type: "string", jsonPath: `.spec.${name}` });
    const oldVersion = {
      ...version("v1beta1", object({ a: { type: "string" } }, { "x-kubernetes-validations": [] })),
      additionalPrinterColumns: [column("a")],
    };
    writeYaml(dir, "old.yaml", [
      crd({ versions: [version("v1alpha1", undefined, { storage: false }), oldVersion] }),
    ]);
    // Keys in the order other tools write them: `served` or `message` before the entry's name.
    const servedFirst = (v: ReturnType<typeof version>) => Object.assign({ served: true }, v);
    const newVersion = servedFirst(
      version(
        "v1beta1",
        object(
          { a: { type: "string" } },
          { "x-kubernetes-validations": [{ message: "m", rule: "self.a != 'x'" }] },
        ),
        { selectableFields: [{ jsonPath: ".spec.a" }] },
      ),
    );
    writeYaml(dir, "new.yaml", [
      crd({ versions: [newVersion, servedFirst(version("v1", undefined, { storage: false }))] }),
    ]);
    const result = await run(["--format", "github", "old.yaml", "new.yaml"], dir);
    const text = readFileSync(path.join(dir, "new.yaml"), "utf8");
    const lineFor = (kind: string) =>
      Number(
        /line=(\d+)/.exec(result.stdout.split("\n").find((l) => l.includes(`%3A ${kind}::`)) ?? "")?.[1],
      );
    const keyLine = (key: string) => text.split("\n").findIndex((l) => l.trim() === key) + 1;
    expect(lineFor("version-added")).toBe(keyLine("name: v1"));
    expect(text.split("\n")[keyLine("name: v1") - 2]?.trim()).toBe("- served: true");
    expect(lineFor("validation-rule-added")).toBe(lineOf(text, "rule: self.a"));
    expect(lineFor("selectable-field-added")).toBe(lineOf(text, "jsonPath: .spec.a"));
    // Gone from the new file: the list's key, or the version's name when the list is gone too.
    expect(lineFor("version-removed")).toBe(lineOf(text, "versions:"));
    expect(lineFor("printer-column-removed")).toBe(keyLine("name: v1beta1"));
  });

  it("--format github emits one well-formed annotation per change, at the new file's line", async () => {
    writeSides();
    const result = await run(["--format", "github", "old", "new"], dir);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines)
      expect(line).toMatch(/^::(error|notice) (file=[^,:]+,line=\d+,)?title=[^:]+::\S.*$/);
    const text = readFileSync(path.join(dir, "new/nested/widgets.yaml"), "utf8");
    const bound = lines.find((l) => l.includes("title=Breaking change%3A bounds-tightened"));
    expect(bound).toBe(
      `::error file=new/nested/widgets.yaml,line=${lineOf(text, "maximum: 5")},title=Breaking change%3A bounds-tightened::` +
        "widgets.example.com v1 spec.versions[v1].schema.openAPIV3Schema.properties[spec].properties[replicas].maximum: " +
        "upper bound changed from <= 10 to <= 5",
    );
    const added = lines.find((l) => l.includes("crd-added"));
    expect(added).toMatch(/^::notice file=new\/gadgets\.yml,line=\d+,/);
  });

  it("--format github leaves out file and line for a CRD that only the old side has", async () => {
    writeYaml(dir, "old.yaml", [crd()]);
    writeYaml(dir, "new.yaml", [configMap]);
    const result = await run(["--format", "github", "old.yaml", "new.yaml"], dir);
    expect(result.stdout).toBe(
      "::error title=Breaking change%3A crd-removed::widgets.example.com metadata.name: " +
        "CRD widgets.example.com was removed; all its objects would be deleted with it\n",
    );
  });
});
