/** `checkStale`, the API behind `crdgen --check`: where it looks for extra files, and copies of a generated CRD. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { checkStale } from "../../src/stale.js";
import { writeAtomically } from "../../src/write/files.js";

const TYPES =
  "/** @crd @group example.com @version v1 */\nexport interface Widget { spec: { size: number } }\n";

/** A project whose CRD is generated into `crds`, and the generation's result. */
async function project() {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-check-stale-"));
  writeFileSync(path.join(dir, "types.ts"), TYPES);
  const result = generate({ entries: ["types.ts"], cwd: dir, outDir: "crds" });
  if (!result.ok) throw new Error("generation failed");
  await writeAtomically(result.files);
  return { dir, result, crd: path.join(dir, "crds", "example.com_widgets.yaml") };
}

test("a relative outDir is read against cwd, as generate read it, not against the process's folder", async () => {
  const { dir, result } = await project();
  const old = path.join(dir, "crds", "example.com_olds.yaml");
  writeFileSync(old, "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n");
  const report = await checkStale(result, "crds", dir);
  expect(report.files.map((f) => [f.status, f.path])).toEqual([["extra", old]]);
  // An absolute outDir needs no cwd.
  expect((await checkStale(result, path.join(dir, "crds"))).files.map((f) => f.path)).toEqual([old]);
});

test("a file of another name holding a generated CRD is extra, naming the CRD and the file that gets it", async () => {
  const { dir, result, crd } = await project();
  const copy = path.join(dir, "crds", "widget.json");
  const asJson = {
    apiVersion: "v1",
    kind: "List",
    items: [{ kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" } }],
  };
  writeFileSync(copy, JSON.stringify(asJson));
  // Neither a CRD of another name nor a file that is not YAML or JSON is looked at.
  writeFileSync(
    path.join(dir, "crds", "other.yaml"),
    readFileSync(crd, "utf8").replace("widgets.example.com", "x.example.com"),
  );
  writeFileSync(path.join(dir, "crds", "notes.txt"), readFileSync(crd, "utf8"));
  mkdirSync(path.join(dir, "crds", "sub"));
  writeFileSync(path.join(dir, "crds", "sub", "widget.yaml"), readFileSync(crd, "utf8"));
  const report = await checkStale(result, "crds", dir);
  expect(report.ok).toBe(false);
  expect(report.files).toEqual([
    expect.objectContaining({
      path: copy,
      status: "extra",
      crdgenOutput: false,
      duplicates: { name: "widgets.example.com", generated: crd },
    }),
  ]);
});
