/**
 * `crdgen diff` compares CRDs as kubectl and Helm send them (YAML 1.1 through go-yaml v2), and
 * reports input nested too deeply to read as a located error.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { crdWithSpec, object } from "../helpers/crds.js";
import { run, tempDir } from "./cli-helpers.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir("kubectl")));
afterEach(() => cleanup());

/** A CRD file whose `mode` field's schema ends with the raw YAML `line` (written as is, unquoted). */
function writeCrd(name: string, line: string): void {
  const text = stringify(crdWithSpec(object({ mode: { type: "string" } }))).trimEnd();
  // The last line is the field's `type: string`: the line goes beside it.
  const indent = /\n( *)type: string$/.exec(text)?.[1] ?? "";
  writeFileSync(path.join(dir, name), `${text}\n${indent}${line}\n`);
}

describe("crdgen diff reads values as kubectl does", () => {
  it("sees quoting `on` and `off` as the change it is to the CRD the cluster gets", async () => {
    writeCrd("old.yaml", "enum: [on, off]");
    writeCrd("new.yaml", 'enum: ["on", "off"]');
    const result = await run(["--format", "json", "old.yaml", "new.yaml"], dir);
    expect(result.code).toBe(1);
    const { changes } = JSON.parse(result.stdout) as { changes: { kind: string; message: string }[] };
    expect(changes.map((c) => [c.kind, c.message])).toEqual([
      ["enum-value-added", 'enum value "off" was added'],
      ["enum-value-added", 'enum value "on" was added'],
      ["enum-value-removed", "enum value false was removed"],
      ["enum-value-removed", "enum value true was removed"],
    ]);
    expect(result.stderr).toBe(
      "crdgen diff: note: compared as kubectl reads old.yaml (YAML 1.1): old.yaml:26:26 on is true and 1 more; quote such values to keep them strings\n",
    );
  });

  it("sees no change where kubectl reads the same value, however YAML 1.2 reads it", async () => {
    writeCrd("old.yaml", "default: 0777");
    writeCrd("new.yaml", "default: 511");
    expect(await run(["old.yaml", "new.yaml"], dir)).toMatchObject({ code: 0, stdout: "No API changes.\n" });
  });

  it("keeps base-60 numbers strings, as go-yaml v2 does", async () => {
    writeCrd("old.yaml", "default: 1:30");
    writeCrd("new.yaml", 'default: "1:30"');
    expect(await run(["old.yaml", "new.yaml"], dir)).toMatchObject({
      code: 0,
      stdout: "No API changes.\n",
      stderr: "",
    });
  });
});

describe("crdgen diff of input nested too deeply", () => {
  it("is an input error at the place, naming the limit, not the call stack", async () => {
    const levels = 1000;
    const schema =
      '{"type":"object","properties":{"a":'.repeat(levels) + '{"type":"string"}' + "}}".repeat(levels);
    const deep =
      '{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"w.example.com"},' +
      `"spec":{"versions":[{"name":"v1","schema":{"openAPIV3Schema":${schema}}}]}}`;
    writeFileSync(path.join(dir, "deep.json"), deep);
    const result = await run(["deep.json", "deep.json"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^crdgen diff: invalid YAML:\n {2}deep\.json:1:\d+: mappings and sequences nested more than 500 levels deep: crdgen reads at most 500 \(kubectl and the API server stop at 10,000; no CRD needs this many\)\n$/,
    );
  });
});
