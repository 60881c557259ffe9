/**
 * crdgen/vite in real vite builds (`build()`), in `vite build --watch` and in the dev server:
 * each writes the CRD, follows type edits, and a bad type fails a one-off build with
 * crdgen's located error.
 */
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { build, createLogger, createServer, type InlineConfig, type ViteDevServer } from "vite";
import crdgen from "../../src/plugin/vite.js";
import {
  BAD_LOCATION,
  BAD_TYPES,
  CRD,
  copyProject,
  createdEntryIsPickedUp,
  eventually,
  typesWith,
  TYPES,
  type Project,
} from "./project.js";

let project: Project;
/** What vite's logger was given as warnings in the current test. */
let warnings: string[];
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  project = await copyProject();
  warnings = [];
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

test("a bad type fails the build with crdgen's located error", async () => {
  await project.write(TYPES, BAD_TYPES);
  await expect(build(config())).rejects.toThrow(BAD_LOCATION);
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("build --watch regenerates when a type the bundle never imports changes", async () => {
  const watcher = await build(config({ build: { watch: {} } }));
  if (!("close" in watcher)) throw new Error("vite build with build.watch should return a watcher");
  close = () => watcher.close();
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

/**
 * A dev server on the copy, once it wrote the first CRD and its watcher watches the types: vite's
 * watcher scans the root while the server starts, and an edit made before it watches the types'
 * directory is never reported (to crdgen or to vite itself).
 */
async function startDevServer(entries: string[]): Promise<void> {
  const server: ViteDevServer = await createServer({
    ...config(),
    plugins: [crdgen({ entries })],
    server: { port: 0, host: "127.0.0.1", hmr: false },
  });
  close = () => server.close();
  await server.listen();
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  const typesDir = path.dirname(project.file(TYPES));
  await eventually(
    async () => server.watcher.getWatched()[typesDir]?.includes(path.basename(TYPES)) ?? false,
    "vite's watcher to watch the types",
  );
}

test("the dev server regenerates on save and survives a bad edit", async () => {
  await startDevServer([TYPES]);
  await project.write(TYPES, BAD_TYPES);
  await eventually(async () => warnings.some((w) => w.includes(BAD_LOCATION)), "the bad edit's warning");
  expect(await project.read(CRD)).toContain("size:");
  await project.write(TYPES, typesWith("shape?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("shape:"), "the fix to reach the CRD");
});

test("the dev server with a folder as entry regenerates when a file is created in it", async () => {
  await startDevServer(["src/api"]);
  await createdEntryIsPickedUp(project);
});
