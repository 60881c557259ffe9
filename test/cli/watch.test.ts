/** Watch mode: an edit changes the CRD; a bad edit reports and keeps watching; fixing it recovers. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { startWatch, type WatchHandle } from "../../src/cli/watch.js";

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
  let out = "";
  let err = "";
  const io = {
    cwd: dir,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  };
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
  expect(err).toContain("CRD1002");
  expect(await readFile(file, "utf8")).toContain("color:");

  // Fixing it recovers.
  next = handle.nextRun();
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number; shape?: string }\n");
  expect((await next).ok).toBe(true);
  const text = await readFile(file, "utf8");
  expect(text).toContain("shape:");
  expect(text).not.toContain("color:");
  expect(out).toMatch(/regenerated in \d+ ms/);
}, 30_000);

test("deleting an imported file reports the broken import in its importer", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-"));
  await writeFile(path.join(dir, "types.ts"), ROOT);
  await writeFile(path.join(dir, "spec.ts"), "export interface Spec { size: number }\n");
  let err = "";
  const io = { cwd: dir, stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) } };
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  const next = handle.nextRun();
  await rm(path.join(dir, "spec.ts"));
  expect((await next).ok).toBe(false);
  expect(err).toMatch(/types\.ts:1:\d+ - error CRD1001: TS2307: Cannot find module '\.\/spec\.js'/);
}, 30_000);
