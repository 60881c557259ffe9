/** crdgen/webpack in real webpack compilations: the CRD is written, follows edits, a bad type is a compilation error, and watch mode follows a type the bundle never imports. */
import { rm, writeFile } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import webpack, { type Configuration, type Stats, type Watching } from "webpack";
import crdgen from "../../src/plugin/webpack.js";
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
let watching: Watching | undefined;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await new Promise<void>((resolve) => (watching ? watching.close(() => resolve()) : resolve()));
  watching = undefined;
  await project.remove();
});

/** `context` is the copy, so the plugin reads entries relative to it. */
function config(extra: Configuration = {}): Configuration {
  return {
    mode: "development",
    devtool: false,
    context: project.dir,
    entry: "./src/index.ts",
    output: { path: project.file("dist"), filename: "main.js" },
    infrastructureLogging: { level: "none" },
    plugins: [crdgen({ entries: [TYPES] })],
    ...extra,
  };
}

function run(extra: Configuration = {}): Promise<Stats> {
  const compiler = webpack(config(extra));
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => (err || !stats ? reject(err ?? new Error("no stats")) : resolve(stats)));
    });
  });
}

test("a compilation writes the CRD, and the next one follows a type edit", async () => {
  const stats = await run();
  expect(stats.hasErrors()).toBe(false);
  expect(await project.read("dist/main.js")).toContain("Widget");
  expect(await project.read(CRD)).toContain("size:");

  await project.write(TYPES, typesWith("color?: string;"));
  expect((await run()).hasErrors()).toBe(false);
  expect(await project.read(CRD)).toContain("color:");
});

test("a bad type is a compilation error with crdgen's located message", async () => {
  await project.write(TYPES, BAD_TYPES);
  const stats = await run();
  expect(stats.hasErrors()).toBe(true);
  const messages = stats.compilation.errors.map((e) => e.message).join("\n");
  expect(messages).toContain(BAD_LOCATION);
  expect(messages).toContain("CRD1002");
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
});

test("watch mode recompiles when a type the bundle never imports changes, and a bad edit only warns", async () => {
  const results: Stats[] = [];
  watching = webpack(config()).watch({ aggregateTimeout: 20 }, (err, stats) => {
    if (err) throw err;
    if (stats) results.push(stats);
  });
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  // The CRD is written as the compilation starts; the watcher takes the type files only when it ends.
  await eventually(async () => results.length > 0, "the end of the first compilation");

  await project.write(TYPES, typesWith("color?: string;"));
  await eventually(async () => (await project.read(CRD)).includes("color:"), "the edit to reach the CRD");

  await project.write(TYPES, BAD_TYPES);
  const warned = (s: Stats) => s.compilation.warnings.some((w) => w.message.includes(BAD_LOCATION));
  await eventually(async () => results.some(warned), "the bad edit's warning");
  expect(results.some((s) => s.hasErrors())).toBe(false);
  expect(await project.read(CRD)).toContain("color:");
});

test("watch mode with a folder as entry recompiles when a file is created in it", async () => {
  let compilations = 0;
  const folderConfig = { ...config(), plugins: [crdgen({ entries: ["src/api"] })] };
  watching = webpack(folderConfig).watch({ aggregateTimeout: 20 }, () => void compilations++);
  await eventually(async () => compilations > 0, "the first compilation");
  expect(await project.read(CRD)).toContain("size:");

  await createdEntryIsPickedUp(project);
});

test("CRDs written into the output folder survive output.clean", async () => {
  const plugins = [crdgen({ entries: [TYPES], outDir: "dist/crds" })];
  const output = { path: project.file("dist"), filename: "main.js", clean: true };
  expect((await run({ plugins, output })).hasErrors()).toBe(false);
  expect(await project.read("dist/main.js")).toContain("Widget");
  expect(await project.read("dist/crds/example.com_widgets.yaml")).toContain("size:");
});

test("watch mode keeps watching when the output folder cannot be written, and writes once it can", async () => {
  await writeFile(project.file("crds"), "a file where the output folder goes\n");
  const results: Stats[] = [];
  const failures: Error[] = [];
  watching = webpack(config()).watch({ aggregateTimeout: 20 }, (err, stats) => {
    if (err) failures.push(err);
    if (stats) results.push(stats);
  });
  const warned = (s: Stats) => s.compilation.warnings.some((w) => w.message.includes("CRD4003"));
  await eventually(async () => results.some(warned) || failures.length > 0, "the first compilation");
  expect(failures).toEqual([]);

  await rm(project.file("crds"));
  await project.write(TYPES, typesWith("color?: string;"));
  await eventually(
    async () => (await project.read(CRD)).includes("color:"),
    "the CRD once the folder can be made",
  );
});
