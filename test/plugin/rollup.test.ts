/** crdgen/rollup in real rollup builds: a build writes the CRD, a type edit changes it, a bad type fails the build, and watch mode follows edits. */
import { writeFile } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import { rollup, watch, type RollupLog, type RollupWatchOptions, type RollupWatcher } from "rollup";
import crdgen from "../../src/plugin/rollup.js";
import {
  BAD_LOCATION,
  BAD_TYPES,
  CRD,
  closeWhenIdle,
  copyProject,
  DEEP_TYPES,
  createdEntryIsPickedUp,
  eventually,
  RENAMED_CRD,
  RENAMED_TYPES,
  typesWith,
  TYPES,
  type Project,
} from "./project.js";

let project: Project;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await project.remove();
});

/** A rollup watcher that the test's end closes once its running build is over. */
function watching(options: RollupWatchOptions): RollupWatcher {
  const watcher = watch(options);
  close = closeWhenIdle(watcher);
  return watcher;
}

async function build(): Promise<void> {
  const bundle = await rollup({
    input: project.file("src/index.ts"),
    plugins: [crdgen({ entries: [TYPES], cwd: project.dir })],
  });
  try {
    await bundle.write({ dir: project.file("dist"), format: "es" });
  } finally {
    await bundle.close();
  }
}

test("a build writes the CRD, and the next build follows a type edit", async () => {
  await build();
  expect(await project.read("dist/index.js")).toContain("Widget");
  const first = await project.read(CRD);
  expect(first).toContain("kind: CustomResourceDefinition");
  expect(first).toContain("size:");
  expect(first).not.toContain("color:");

  await project.write(TYPES, typesWith("color?: string;"));
  await build();
  expect(await project.read(CRD)).toContain("color:");
});

/** What rollup's command line prints for a failed build: the message, then the stack if there is one. */
async function buildFailure(): Promise<{ message: string; stack: string }> {
  const error = await build().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("the build should have failed");
  return { message: error.message, stack: error.stack ?? "" };
}

test("a bad type fails the build with crdgen's located error, no stack trace, and writes nothing", async () => {
  await project.write(TYPES, BAD_TYPES);
  const failure = await buildFailure();
  expect(failure.message).toContain(BAD_LOCATION);
  expect(failure.message).toContain("CRD1002");
  // Frames of crdgen's plugin code under a located message read as a crash in crdgen.
  expect(failure.stack).not.toMatch(/\n\s+at /);
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("an output folder that cannot be written fails the build with CRD4003, not a stack trace", async () => {
  await writeFile(project.file("crds"), "a file where the output folder goes\n");
  const failure = await buildFailure();
  expect(failure.message).toContain("error CRD4003: could not write output: ");
  expect(failure.message).toContain("crds is a file, not a folder");
  expect(failure.message).toContain("hint: give outDir a folder");
  expect(failure.stack).not.toMatch(/\n\s+at /);
});

test("input nested too deeply fails the build as a one-shot crdgen run says it, not as a write failure", async () => {
  await project.write(TYPES, DEEP_TYPES);
  const failure = await buildFailure();
  expect(failure.message).toMatch(/^crdgen: the input is nested too deeply to process/);
  expect(failure.message).not.toContain("CRD4003");
  expect(failure.stack).not.toMatch(/\n\s+at /);
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("a build removes the CRD file it wrote that the types no longer make, as the command line does", async () => {
  await build();
  expect(await project.read(CRD)).toContain("kind: Widget");
  await project.write(TYPES, RENAMED_TYPES);
  await build();
  expect(await project.read(RENAMED_CRD)).toContain("plural: gizmos");
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("watch mode regenerates on a type edit, reports a bad edit as a warning and keeps going", async () => {
  const warnings: string[] = [];
  const outputs: string[] = [];
  let builds = 0;
  const watcher = watching({
    input: project.file("src/index.ts"),
    plugins: [crdgen({ entries: [TYPES], cwd: project.dir })],
    output: { dir: project.file("dist"), format: "es" },
    onLog: (level: string, log: RollupLog) => void (level === "warn" && warnings.push(log.message)),
    watch: { buildDelay: 20 },
  });
  watcher.on("event", (e) => {
    if (e.code === "BUNDLE_END") void e.result.close();
    if (e.code === "ERROR") outputs.push(e.error.message);
    if (e.code === "END") builds++;
  });
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  // The CRD is written as the build starts; the watcher takes the type files only when it ends.
  await eventually(async () => builds > 0, "the end of the first build");

  // types.ts is not part of the bundle: only the plugin's watch files make this rebuild happen.
  await project.write(TYPES, typesWith("color?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("color:"), "the edit to reach the CRD");

  await project.write(TYPES, BAD_TYPES);
  await eventually(async () => warnings.some((w) => w.includes(BAD_LOCATION)), "the bad edit's warning");
  expect(await project.read(CRD)).toContain("color:");
  expect(warnings.join("\n")).toContain("the CRDs on disk were kept");

  await project.write(TYPES, typesWith("shape?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("shape:"), "the fix to reach the CRD");
  expect(outputs).toEqual([]);
});

test("watch mode with a folder as entry rebuilds when a file is created in it", async () => {
  let builds = 0;
  const watcher = watching({
    input: project.file("src/index.ts"),
    plugins: [crdgen({ entries: ["src/api"], cwd: project.dir })],
    output: { dir: project.file("dist"), format: "es" },
    watch: { buildDelay: 20 },
  });
  watcher.on("event", (e) => {
    if (e.code === "BUNDLE_END") void e.result.close();
    if (e.code === "END") builds++;
  });
  await eventually(async () => builds > 0, "the end of the first build");
  expect(await project.read(CRD)).toContain("size:");

  await createdEntryIsPickedUp(project);
});
