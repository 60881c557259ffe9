/** writeAtomically (src/write/files.ts): all-or-nothing writes through temporary files. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { writeAtomically } from "../../src/write/files.js";

test("two writes of one file at once both succeed and leave no temporary file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-files-"));
  const target = path.join(dir, "crds", "example.com_widgets.yaml");
  await Promise.all([
    writeAtomically([{ path: target, content: "a\n" }]),
    writeAtomically([{ path: target, content: "b\n" }]),
  ]);
  expect(["a\n", "b\n"]).toContain(readFileSync(target, "utf8"));
  expect(readdirSync(path.dirname(target))).toEqual(["example.com_widgets.yaml"]);
});

test("a rename that fails leaves no temporary file beside the CRDs", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-files-"));
  // A folder where the file should go: writing the temporary file works, renaming over it does not.
  const blocked = path.join(dir, "example.com_widgets.yaml");
  await writeAtomically([{ path: path.join(blocked, "keep"), content: "x" }]);
  await expect(
    writeAtomically([
      { path: path.join(dir, "example.com_gadgets.yaml"), content: "g\n" },
      { path: blocked, content: "w\n" },
    ]),
  ).rejects.toThrow();
  expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});
