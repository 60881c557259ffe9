/**
 * The plugins' shared generator, when a type file is saved again while a run reads it: a run that
 * failed on the text it read runs again on the saved text before it reports, three times at most.
 * The save is made to land inside the run by a hook in the pipeline.
 */
import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { CrdSession } from "../../src/session.js";
import { CRD, copyProject, typesWith, TYPES, type Project } from "./project.js";

/** Runs inside every generation, after the program was read and before anything is written. */
let during: (() => void) | undefined;
let generations = 0;

vi.mock("../../src/generate.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/generate.js")>();
  return {
    ...actual,
    generateFromProgram: (...args: Parameters<typeof actual.generateFromProgram>) => {
      generations++;
      during?.();
      return actual.generateFromProgram(...args);
    },
  };
});

let project: Project;
let session: CrdSession;
beforeEach(async () => {
  project = await copyProject();
  session = new CrdSession({ entries: [TYPES], cwd: project.dir });
  expect((await session.run()).result.ok).toBe(true);
  generations = 0;
});
afterEach(async () => {
  during = undefined;
  await project.remove();
});

/** A field crdgen rejects (CRD1002), `n` letters long: each text differs from the last in size too. */
const broken = (n: number) => typesWith(`${"b".repeat(n + 1)}: bigint;`);

test("a run that failed on a file saved during it runs again, and reports the saved text", async () => {
  await project.write(TYPES, broken(0));
  // As when an editor's in-place write empties the file and a run reads it before the text lands.
  let saved = false;
  during = () => {
    if (saved) return;
    saved = true;
    writeFileSync(project.file(TYPES), typesWith("savedText?: string;"));
  };
  const outcome = await session.run();
  expect(outcome.result.ok).toBe(true);
  expect(generations).toBe(2);
  expect(outcome.written).toEqual([project.file(CRD)]);
  expect(await project.read(CRD)).toContain("savedText:");
});

test("a file rewritten during every run is run again three times, then its errors are reported", async () => {
  await project.write(TYPES, broken(0));
  let rewrites = 0;
  during = () => writeFileSync(project.file(TYPES), broken(++rewrites));
  const outcome = await session.run();
  expect(outcome.result.ok).toBe(false);
  expect(generations).toBe(4);
  expect(outcome.result.diagnostics.map((d) => d.code)).toContain("CRD1002");
});

test("a failed run with no save during it runs once", async () => {
  await project.write(TYPES, broken(0));
  const outcome = await session.run();
  expect(outcome.result.ok).toBe(false);
  expect(generations).toBe(1);
});
