/** writeAtomically (src/write/files.ts): all-or-nothing writes through temporary files. */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { describeWriteFailure } from "../../src/runtime/fs-error.js";
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

test("a symbolic link is written through: the file it names gets the content, the link stays", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-files-"));
  mkdirSync(path.join(dir, "crds"));
  mkdirSync(path.join(dir, "chart"));
  writeFileSync(path.join(dir, "chart", "widgets.yaml"), "old\n");
  const link = path.join(dir, "crds", "example.com_widgets.yaml");
  symlinkSync(path.join("..", "chart", "widgets.yaml"), link);
  await writeAtomically([{ path: link, content: "new\n" }]);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(path.join(dir, "chart", "widgets.yaml"), "utf8")).toBe("new\n");
  expect(readdirSync(path.join(dir, "chart"))).toEqual(["widgets.yaml"]);
});

test("a folder where a file should go: an error naming it, before any file is written", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-files-"));
  const blocked = path.join(dir, "example.com_widgets.yaml");
  mkdirSync(blocked);
  const thrown = await writeAtomically([
    { path: path.join(dir, "example.com_gadgets.yaml"), content: "g\n" },
    { path: blocked, content: "w\n" },
  ]).catch((e: unknown) => e);
  expect(thrown).toMatchObject({ code: "EISDIR", path: blocked });
  expect(describeWriteFailure(thrown, "--out-dir", (p) => path.relative(dir, p))).toEqual({
    message: "could not write output: example.com_widgets.yaml is a folder, not a file",
    hint: "move the folder out of the way: each CRD is written to a file of that name",
  });
  expect(readdirSync(dir)).toEqual(["example.com_widgets.yaml"]);
});
