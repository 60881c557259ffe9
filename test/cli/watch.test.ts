/** Watch mode: an edit changes the CRD; a bad edit reports and keeps watching; fixing it recovers. */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { startWatch, type WatchHandle } from "../../src/cli/watch.js";
import { capturingIo } from "../helpers/cli.js";

const ROOT = `import type { Spec } from "./spec.js";
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget { spec: Spec }
`;

let handle: WatchHandle | undefined;
afterEach(() => handle?.close());

test("regenerates on change, survives a bad edit, recovers", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  await writeFile(path.join(dir, "types.ts"), ROOT);
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number }\n");
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  const file = path.join(dir, "crds", "example.com_widgets.yaml");
  expect(await readFile(file, "utf8")).toContain("size:");

  // An imported (non-entry) file changes: the CRD follows.
  let next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number; color?: string }\n");
  expect((await next).ok).toBe(true);
  expect(await readFile(file, "utf8")).toContain("color:");

  // A bad edit: errors are printed, the file on disk is kept, watching goes on.
  next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: bigint }\n");
  expect((await next).ok).toBe(false);
  expect(io.err).toContain("CRD1002");
  expect(await readFile(file, "utf8")).toContain("color:");

  // Fixing it recovers.
  next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number; shape?: string }\n");
  expect((await next).ok).toBe(true);
  const text = await readFile(file, "utf8");
  expect(text).toContain("shape:");
  expect(text).not.toContain("color:");
  expect(io.out).toMatch(/regenerated in \d+ ms/);
}, 30_000);

test("deleting an imported file reports the broken import in its importer", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  await writeFile(path.join(dir, "types.ts"), ROOT);
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number }\n");
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  const next = handle.nextRun();
  await rm(path.join(dir, "spec.ts"));
  expect((await next).ok).toBe(false);
  expect(io.err).toMatch(/types\.ts:1:\d+ - error CRD1001: TS2307: Cannot find module '\.\/spec\.js'/);
}, 30_000);

test("a file an import waits for is picked up when it is created, a deleted file when it comes back", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "preserve", moduleResolution: "bundler", strict: true } }),
  );
  await writeFile(path.join(dir, "types.ts"), ROOT.replace("./spec.js", "./spec"));
  const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } };
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  const file = path.join(dir, "crds", "example.com_widgets.yaml");

  // `./spec` as a folder with an index: the folder appears first, then its file.
  let next = handle.nextRun();
  await mkdir(path.join(dir, "spec"));
  await writeFile(path.join(dir, "spec", "index.ts"), "export interface Spec { fromIndex: number }\n");
  let result = await next;
  // The folder's own event may run before its file is written: wait for the run that reads it.
  while (!result.ok) result = await handle.nextRun();
  expect(await readFile(file, "utf8")).toContain("fromIndex:");

  next = handle.nextRun();
  await rm(path.join(dir, "spec"), { recursive: true });
  expect((await next).ok).toBe(false);
  next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { fromFile: number }\n");
  expect((await next).ok).toBe(true);
  expect(await readFile(file, "utf8")).toContain("fromFile:");
}, 30_000);

test("with a folder as entry, a file created in it or in a new subfolder is a new entry", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  const crd = (kind: string) =>
    `/** @crd @group example.com @version v1 */\nexport interface ${kind} { spec: { size?: number } }\n`;
  await mkdir(path.join(dir, "api"));
  await writeFile(path.join(dir, "api", "widget.ts"), crd("Widget"));
  const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } };
  handle = startWatch({ entries: ["api"] }, io);
  await handle.ready;
  const written = (plural: string) => readFile(path.join(dir, "crds", `example.com_${plural}.yaml`), "utf8");
  expect(await written("widgets")).toContain("kind: Widget");

  let next = handle.nextRun();
  await writeFile(path.join(dir, "api", "gadget.ts"), crd("Gadget"));
  expect((await next).crds.map((c) => c.spec.names.kind)).toEqual(["Gadget", "Widget"]);
  expect(await written("gadgets")).toContain("kind: Gadget");

  next = handle.nextRun();
  await mkdir(path.join(dir, "api", "more"));
  await writeFile(path.join(dir, "api", "more", "gizmo.ts"), crd("Gizmo"));
  let result = await next;
  // The folder's own event may run before its file is written: wait for the run that reads it.
  while (result.crds.length < 3) result = await handle.nextRun();
  expect(result.crds.map((c) => c.spec.names.kind)).toEqual(["Gadget", "Gizmo", "Widget"]);
  expect(await written("gizmos")).toContain("kind: Gizmo");
}, 30_000);

test("with a folder as entry, every atomic save (a temporary file renamed over the file) is seen", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  const crd = (field: string) =>
    `/** @crd @group example.com @version v1 */\nexport interface Widget { spec: { ${field}?: number } }\n`;
  await mkdir(path.join(dir, "api", "sub"), { recursive: true });
  const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: () => true } };
  // Saved as vim, JetBrains and `sed -i` save: written beside, then renamed over the original.
  const saveAtomically = async (file: string, text: string) => {
    const temp = path.join(path.dirname(file), ".save.swp");
    await writeFile(temp, text);
    await rename(temp, file);
  };
  for (const file of [path.join(dir, "api", "widget.ts"), path.join(dir, "api", "sub", "widget.ts")]) {
    await rm(path.join(dir, "api"), { recursive: true, force: true });
    await mkdir(path.join(dir, "api", "sub"), { recursive: true });
    await writeFile(file, crd("first"));
    handle?.close();
    handle = startWatch({ entries: ["api"] }, io);
    await handle.ready;
    const written = () => readFile(path.join(dir, "crds", "example.com_widgets.yaml"), "utf8");
    for (const field of ["second", "third", "fourth"]) {
      const next = handle.nextRun();
      await saveAtomically(file, crd(field));
      expect((await next).ok).toBe(true);
      expect(await written()).toContain(`${field}:`);
    }
    // A write in place after the atomic saves is seen too.
    const next = handle.nextRun();
    await writeFile(file, crd("inPlace"));
    expect((await next).ok).toBe(true);
    expect(await written()).toContain("inPlace:");
  }
}, 60_000);

test("deleting a type file removes the CRD file crdgen wrote for it, as a one-shot run would", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  const crd = (kind: string) =>
    `/** @crd @group example.com @version v1 */\nexport interface ${kind} { spec: { size?: number } }\n`;
  await mkdir(path.join(dir, "api"));
  await writeFile(path.join(dir, "api", "widget.ts"), crd("Widget"));
  await writeFile(path.join(dir, "api", "gadget.ts"), crd("Gadget"));
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["api"] }, io);
  await handle.ready;
  const crds = () => readdir(path.join(dir, "crds"));
  expect(await crds()).toEqual(["example.com_gadgets.yaml", "example.com_widgets.yaml"]);

  const next = handle.nextRun();
  await rm(path.join(dir, "api", "gadget.ts"));
  expect((await next).ok).toBe(true);
  expect(await crds()).toEqual(["example.com_widgets.yaml"]);
  expect(io.out).toContain(`removed ${path.join("crds", "example.com_gadgets.yaml")}\n`);
}, 30_000);

test("an output folder that cannot be written is reported, and watching goes on", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  await writeFile(path.join(dir, "types.ts"), ROOT);
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number }\n");
  await writeFile(path.join(dir, "taken"), "a file where the output folder would go");
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts"], outDir: "taken/crds" }, io);
  await handle.ready;
  expect(io.err).toContain("error CRD4003: could not write output: taken is a file, not a folder");

  await rm(path.join(dir, "taken"));
  const next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number; color?: string }\n");
  expect((await next).ok).toBe(true);
  expect(await readFile(path.join(dir, "taken", "crds", "example.com_widgets.yaml"), "utf8")).toContain(
    "color:",
  );
}, 30_000);
