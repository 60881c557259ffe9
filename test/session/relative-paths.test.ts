/**
 * A session's relative paths are read against its `cwd`, as its entries and `outDir` are, not
 * against the process's working directory (a dev server, a script run from another folder).
 */
import { utimes } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import { CrdSession } from "../../src/session.js";
import { copyProject, typesWith, TYPES, CRD, type Project } from "../plugin/project.js";

let project: Project;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(() => project.remove());

test("markChanged and isTypeFile take a path relative to the session's cwd", async () => {
  expect(process.cwd()).not.toBe(project.dir);
  const session = new CrdSession({ entries: [TYPES], cwd: project.dir });
  expect(session.isTypeFile(TYPES)).toBe(true);
  expect(session.isTypeFile("src/index.ts")).toBe(false);

  // Same length, same mtime: only markChanged can tell the session about this edit.
  const when = 1_700_000_000;
  await project.write(TYPES, typesWith("aaaa?: string;"));
  await utimes(project.file(TYPES), when, when);
  await session.run();
  await project.write(TYPES, typesWith("bbbb?: string;"));
  await utimes(project.file(TYPES), when, when);
  session.markChanged(TYPES);
  expect((await session.run()).unchanged).toBe(false);
  expect(await project.read(CRD)).toContain("bbbb:");
});
