/** crdgen/esbuild in real esbuild builds: the CRD is written, follows edits, a bad type fails the build, and `context.watch()` follows a type the bundle never imports. */
import { mkdir } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import {
  build,
  context,
  type BuildContext,
  type BuildFailure,
  type BuildOptions,
  type BuildResult,
  type Plugin,
} from "esbuild";
import crdgen from "../../src/plugin/esbuild.js";
import {
  BAD_LOCATION,
  BAD_TYPES,
  CRD,
  copyProject,
  DEEP_TYPES,
  createdEntryIsPickedUp,
  eventually,
  typesWith,
  TYPES,
  type Project,
} from "./project.js";

let project: Project;
let ctx: BuildContext | undefined;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
  await project.remove();
});

function options(): BuildOptions {
  return {
    absWorkingDir: project.dir,
    entryPoints: ["src/index.ts"],
    bundle: true,
    outdir: "dist",
    logLevel: "silent",
    plugins: [crdgen({ entries: [TYPES] })],
  };
}

test("a build writes the CRD, and the next build follows a type edit", async () => {
  await build(options());
  expect(await project.read("dist/index.js")).toContain("Widget");
  expect(await project.read(CRD)).toContain("size:");

  await project.write(TYPES, typesWith("color?: string;"));
  await build(options());
  expect(await project.read(CRD)).toContain("color:");
});

/**
 * BAD_LOCATION as esbuild shows a location, its own errors' too: the column 0-based (in bytes).
 * crdgen's problems are esbuild's own located messages.
 */
const ESBUILD_BAD = `${BAD_LOCATION.replace(/:3$/, ":2")}: ERROR: [plugin: crdgen] CRD1002: `;

test("a bad type fails the build with crdgen's located error, as esbuild's own message", async () => {
  await project.write(TYPES, BAD_TYPES);
  const failure = await build(options()).then(
    () => undefined,
    (e: unknown) => e as BuildFailure,
  );
  expect(failure?.message).toContain(ESBUILD_BAD);
  expect(failure?.errors).toEqual([
    expect.objectContaining({
      pluginName: "crdgen",
      text: expect.stringMatching(/^CRD1002: Widget\.spec\.count is bigint/),
      location: expect.objectContaining({
        file: TYPES,
        line: 12,
        column: 2,
        length: 5,
        lineText: "  count: bigint;",
      }),
      notes: [
        expect.objectContaining({ text: "at Widget.spec.count" }),
        expect.objectContaining({ text: expect.stringMatching(/^hint: /) }),
        expect.objectContaining({ text: "crdgen wrote no CRD." }),
      ],
    }),
  ]);
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("a location's column and length count UTF-8 bytes, as esbuild's do", async () => {
  await project.write(TYPES, typesWith("/** é */ n: bigint;"));
  const failure = await build(options()).then(
    () => undefined,
    (e: unknown) => e as BuildFailure,
  );
  // `  /** é */ n`: the name is the 11th character and the 12th byte.
  expect(failure?.errors[0]?.location).toMatchObject({ line: 12, column: 12, length: 1 });
});

test("input nested too deeply fails a rebuild once, as a one-shot crdgen run says it", async () => {
  ctx = await context(options());
  await ctx.rebuild();
  await project.write(TYPES, DEEP_TYPES);
  const failure = await ctx.rebuild().then(
    () => undefined,
    (e: unknown) => e as BuildFailure,
  );
  // Once: the run that threw left the stamps as they were, which must not make the build's end run it again.
  const texts = failure?.errors.map((e) => e.text) ?? [];
  expect(texts).toHaveLength(1);
  expect(texts[0]).toMatch(/^crdgen: the input is nested too deeply to process/);
  expect(texts[0]).not.toContain("CRD4003");
  expect(await project.read(CRD)).toContain("size:");
});

test("a type saved while esbuild builds is read before the build ends", async () => {
  // Saves a bad edit after crdgen has read the types (at the build's start) and before the
  // build ends, where esbuild's watch mode would not see it as a change.
  let saved = false;
  const editor: Plugin = {
    name: "editor",
    setup: (b) =>
      b.onEnd(async () => {
        if (saved) return;
        saved = true;
        await project.write(TYPES, BAD_TYPES);
      }),
  };
  const base = options();
  await expect(build({ ...base, plugins: [editor, ...(base.plugins ?? [])] })).rejects.toThrow(ESBUILD_BAD);
  expect(saved).toBe(true);
});

test("watch mode rebuilds when a type the bundle never imports changes, and recovers from a bad edit", async () => {
  const results: BuildResult[] = [];
  const base = options();
  const spy: Plugin = { name: "spy", setup: (b) => b.onEnd((r) => void results.push(r)) };
  ctx = await context({ ...base, plugins: [...(base.plugins ?? []), spy] });
  await ctx.watch();
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  // The CRD is written at the start of the build; esbuild records the watched files' state
  // later in it, and an edit before that point is one it never sees as a change.
  await eventually(async () => results.length > 0, "the end of the first build");

  const builds = results.length;
  await project.write(TYPES, typesWith("color?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("color:"), "the edit to reach the CRD");
  await eventually(async () => results.length > builds, "the end of that build");

  // esbuild keeps watching after a failed build: the error is reported, the CRD kept.
  await project.write(TYPES, BAD_TYPES);
  const failed = (r: BuildResult) =>
    r.errors.some(
      (e) => e.text.startsWith("CRD1002: ") && e.location?.file === TYPES && e.location.line === 12,
    );
  await eventually(async () => results.some(failed), "the bad edit's error");
  expect(await project.read(CRD)).toContain("color:");

  await project.write(TYPES, typesWith("shape?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("shape:"), "the fix to reach the CRD");
});

/** Watches with `src/api` (a folder) as the entry; the results of every build so far, the first one done. */
async function watchingFolderEntry(): Promise<BuildResult[]> {
  const results: BuildResult[] = [];
  const base = { ...options(), plugins: [crdgen({ entries: ["src/api"] })] };
  const spy: Plugin = { name: "spy", setup: (b) => b.onEnd((r) => void results.push(r)) };
  ctx = await context({ ...base, plugins: [...base.plugins, spy] });
  await ctx.watch();
  await eventually(async () => results.length > 0, "the end of the first build");
  return results;
}

test("watch mode with a folder as entry rebuilds when a file is created in it", async () => {
  await watchingFolderEntry();
  expect(await project.read(CRD)).toContain("size:");

  await createdEntryIsPickedUp(project);
});

test("watch mode with a folder as entry rebuilds when a file is created in a folder made under it", async () => {
  const results = await watchingFolderEntry();

  // The new folder holds no entry yet: only a watch on its own listing sees the file saved in it.
  const builds = results.length;
  await mkdir(project.file("src/api/v2"));
  await eventually(async () => results.length > builds, "the build the new folder triggers");
  await project.write(
    "src/api/v2/gadget.ts",
    "/** @crd @group example.com @version v1 */\nexport interface Gadget { spec: { on?: boolean } }\n",
  );
  await eventually(
    async () => (await project.read("crds/example.com_gadgets.yaml")).includes("kind: Gadget"),
    "the new file's CRD",
    10_000,
  );
});
