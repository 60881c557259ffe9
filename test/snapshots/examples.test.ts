/**
 * Every example's generated CRDs are checked in under snapshots/<example>/. A change in
 * output fails here with a diff; after reviewing it, regenerate with
 * `npm run snapshots:update` and commit the new files with the change that caused them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import { generate } from "../../src/generate.js";
import { validateCrd } from "../../src/validate/index.js";

const TOO_LARGE_FOR_CLIENT_SIDE_APPLY = new Set(["controller-gen-cronjob", "podtemplate"]);

const repo = fileURLToPath(new URL("../../", import.meta.url));
const update = process.env.UPDATE_SNAPSHOTS === "1";

/** Each example folder, and its entry files (every types*.ts / v*.ts at its top level). */
function examples(): { name: string; entries: string[] }[] {
  const root = path.join(repo, "examples");
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, "crdgen.json")))
    .map((d) => {
      const config = JSON.parse(readFileSync(path.join(root, d.name, "crdgen.json"), "utf8")) as { entries: string[] };
      return { name: d.name, entries: config.entries.map((e) => path.join(root, d.name, e)) };
    });
}

describe("example snapshots", () => {
  const list = examples();
  test("there are at least three documented examples", () => {
    expect(list.length).toBeGreaterThanOrEqual(3);
  });

  test.each(list)("$name", ({ name, entries }) => {
    const result = generate({ entries, cwd: repo, outDir: path.join("snapshots", name) });
    // Embedding a PodTemplateSpec makes a CRD too large for client-side `kubectl apply` (as
    // controller-gen's own CronJob CRD is): one warning per CRD there, nothing anywhere else.
    const expected = TOO_LARGE_FOR_CLIENT_SIDE_APPLY.has(name) ? result.crds.map(() => codes.tooLargeForClientSideApply) : [];
    expect(result.diagnostics.map((d) => d.code)).toEqual(expected);
    expect(result.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    for (const crd of result.crds) expect(validateCrd(crd)).toEqual([]);
    const dir = path.join(repo, "snapshots", name);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of result.files) writeFileSync(f.path, f.content);
    }
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    expect(result.files.map((f) => path.basename(f.path)).sort()).toEqual(files);
    for (const f of result.files) expect(f.content).toBe(readFileSync(f.path, "utf8"));
  });
});
