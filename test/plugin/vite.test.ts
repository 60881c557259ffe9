/**
 * crdgen/vite in real vite builds (`build()`), in `vite build --watch` and in the dev server:
 * each writes the CRD, follows type edits, and a bad type fails a one-off build with
 * crdgen's located error.
 */
import { mkdir, stat } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import { build, createLogger, createServer, type InlineConfig, type ViteDevServer } from "vite";
import crdgen from "../../src/plugin/vite.js";
import { CrdSession } from "../../src/session.js";
import {
  BAD_LOCATION,
  BAD_TYPES,
  CRD,
  closeWhenIdle,
  copyProject,
  createdEntryIsPickedUp,
  eventually,
  listenUntilWatching,
  RENAMED_CRD,
  RENAMED_TYPES,
  typesWith,
  TYPES,
  type Project,
} from "./project.js";

let project: Project;
/** What vite's logger was given as warnings, and as information, in the current test. */
let warnings: string[];
let infos: string[];
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  project = await copyProject();
  warnings = [];
  infos = [];
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await project.remove();
});

/** A lib build of the example with crdgen; `root` is the copy, so entries are relative to it. */
function config(extra: InlineConfig = {}): InlineConfig {
  const logger = createLogger("warn");
  logger.warn = (message) => void warnings.push(message);
  logger.info = (message) => void infos.push(message);
  // The failing-build test expects vite's own "Build failed" line; keep it out of the test output.
  logger.error = () => undefined;
  return {
    root: project.dir,
    configFile: false,
    logLevel: "silent",
    customLogger: logger,
    plugins: [crdgen({ entries: [TYPES] })],
    build: {
      lib: { entry: "src/index.ts", formats: ["es"], fileName: "index" },
      outDir: "dist",
      ...extra.build,
    },
    ...(extra.server ? { server: extra.server } : {}),
  };
}

test("a build writes the CRD, and the next build follows a type edit", async () => {
  await build(config());
  expect(await project.read("dist/index.mjs")).toContain("Widget");
  expect(await project.read(CRD)).toContain("size:");

  await project.write(TYPES, typesWith("color?: string;"));
  await build(config());
  expect(await project.read(CRD)).toContain("color:");
});

test("CRDs written into vite's output folder survive its emptying", async () => {
  // vite empties build.outDir after crdgen wrote the CRDs, before it writes the bundle.
  await build({ ...config(), plugins: [crdgen({ entries: [TYPES], outDir: "dist/crds" })] });
  expect(await project.read("dist/index.mjs")).toContain("Widget");
  expect(await project.read("dist/crds/example.com_widgets.yaml")).toContain("size:");
});

test("two builds in parallel write the same CRD", async () => {
  // Each with its own plugin, as two configs built at once: both write crds/ at the same moment.
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      ["dist/a", "dist/b"].map((outDir) =>
        build({ ...config(), plugins: [crdgen({ entries: [TYPES] })], build: { ...config().build, outDir } }),
      ),
    );
    await project.write(TYPES, typesWith(`round${round}?: string;`));
  }
  expect(await project.read(CRD)).toContain("round1:");
});

test("two plugins writing to one folder keep each other's CRDs, and each removes its own stale ones", async () => {
  await mkdir(project.file("src/gadgets"));
  await project.write(
    "src/gadgets/gadget.ts",
    "/** @crd @group example.com @version v1 */\nexport interface Gadget { spec: { on?: boolean } }\n",
  );
  const twoPlugins = () => ({
    ...config(),
    plugins: [crdgen({ entries: [TYPES] }), crdgen({ entries: ["src/gadgets"] })],
  });
  // The CRDs an earlier build (another process) wrote.
  await new CrdSession({ entries: [TYPES, "src/gadgets"], cwd: project.dir }).run();
  const GADGETS = "crds/example.com_gadgets.yaml";
  const mtimes = async () =>
    Promise.all([CRD, GADGETS].map(async (f) => (await stat(project.file(f))).mtimeMs));
  const before = await mtimes();
  await build(twoPlugins());
  // Neither removed by the other plugin and written again: untouched.
  expect(await mtimes()).toEqual(before);

  await project.write(TYPES, RENAMED_TYPES);
  await build(twoPlugins());
  expect(await project.read(RENAMED_CRD)).toContain("plural: gizmos");
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
  expect((await stat(project.file(GADGETS))).mtimeMs).toBe(before[1]);
});

test("a bad type fails the build with crdgen's located error", async () => {
  await project.write(TYPES, BAD_TYPES);
  await expect(build(config())).rejects.toThrow(BAD_LOCATION);
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("build --watch regenerates when a type the bundle never imports changes", async () => {
  const watcher = await build(config({ build: { watch: {} } }));
  if (!("close" in watcher)) throw new Error("vite build with build.watch should return a watcher");
  close = closeWhenIdle(watcher);
  let builds = 0;
  watcher.on("event", (e) => {
    if (e.code === "BUNDLE_END") void e.result.close();
    if (e.code === "END") builds++;
  });
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  // The CRD is written as the build starts; the watcher takes the type files only when it ends.
  await eventually(async () => builds > 0, "the end of the first build");

  await project.write(TYPES, typesWith("color?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("color:"), "the edit to reach the CRD");
});

async function startDevServer(entries: string[]): Promise<void> {
  const server: ViteDevServer = await createServer({
    ...config(),
    plugins: [crdgen({ entries })],
    server: { port: 0, host: "127.0.0.1", hmr: false },
  });
  close = () => server.close();
  await listenUntilWatching(server, project);
}

test("the dev server regenerates on save and survives a bad edit", async () => {
  await startDevServer([TYPES]);
  await project.write(TYPES, BAD_TYPES);
  await eventually(async () => warnings.some((w) => w.includes(BAD_LOCATION)), "the bad edit's warning");
  expect(await project.read(CRD)).toContain("size:");
  await project.write(TYPES, typesWith("shape?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("shape:"), "the fix to reach the CRD");
});

test("the dev server says so when a save fixes the errors without changing a CRD", async () => {
  await startDevServer([TYPES]);
  const good = await project.read(TYPES);
  await project.write(TYPES, BAD_TYPES);
  await eventually(async () => warnings.some((w) => w.includes(BAD_LOCATION)), "the bad edit's warning");
  // Back to the text the CRD on disk was made from: nothing to write, but the warning above is over.
  await project.write(TYPES, good);
  await eventually(async () => infos.some((i) => i.includes("crdgen: fixed")), "the fix's log line");
  expect(infos.filter((i) => i.includes("crdgen: fixed"))).toEqual([
    "crdgen: fixed; the CRDs on disk are up to date",
  ]);
});

test("the dev server removes the CRD file a renamed plural left behind, and says so", async () => {
  await startDevServer([TYPES]);
  await project.write(TYPES, RENAMED_TYPES);
  await eventually(
    async () => (await project.read(RENAMED_CRD)).includes("plural: gizmos"),
    "the renamed CRD",
  );
  // The new file is written before the old one is removed: the log line comes after both.
  await eventually(
    async () => infos.some((i) => i.includes("crdgen: removed crds/example.com_widgets.yaml")),
    "the removal's log line",
  );
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("the dev server with a folder as entry regenerates when a file is created in it", async () => {
  await startDevServer(["src/api"]);
  await createdEntryIsPickedUp(project);
});
