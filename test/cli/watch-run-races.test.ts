/**
 * Watch mode around a run in progress: a file saved while the run reads it (before any watcher is
 * on its folder), a run that throws something other than a write failure, and closing (Ctrl-C)
 * while a run is going. Each is made to happen at that moment by a hook inside the pipeline.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { startWatch, type WatchHandle } from "../../src/cli/watch.js";
import { CrdSession } from "../../src/session.js";
import { capturingIo } from "../helpers/cli.js";

/** Runs inside the next generation, after the program was read and before anything is written. */
let during: (() => void) | undefined;

vi.mock("../../src/generate.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/generate.js")>();
  return {
    ...actual,
    generateFromProgram: (...args: Parameters<typeof actual.generateFromProgram>) => {
      const hook = during;
      during = undefined;
      hook?.();
      return actual.generateFromProgram(...args);
    },
  };
});

const widget = (field: string) =>
  `/** @crd @group example.com @version v1 */\nexport interface Widget { spec: { ${field}?: number } }\n`;

let handle: WatchHandle | undefined;
afterEach(() => {
  handle?.close();
  during = undefined;
});

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-race-"));
  await writeFile(path.join(dir, "types.ts"), widget("first"));
  return dir;
}

test("a file saved while the first run reads it counts as changed", async () => {
  const dir = await project();
  const session = new CrdSession({ entries: ["types.ts"], cwd: dir });
  during = () => writeFileSync(path.join(dir, "types.ts"), widget("second"));
  await session.run();
  expect(session.changedSinceRead()).toBe(true);
  const next = await session.run();
  expect(next.unchanged).toBe(false);
  expect(next.result.stream).toContain("second:");
  expect(session.changedSinceRead()).toBe(false);
});

test("crdgen --watch runs again for a file saved during its first run, with no event for it", async () => {
  const dir = await project();
  during = () => writeFileSync(path.join(dir, "types.ts"), widget("second"));
  handle = startWatch({ entries: ["types.ts"] }, capturingIo(dir));
  await handle.ready;
  expect((await handle.nextRun()).ok).toBe(true);
  expect(await readFile(path.join(dir, "crds", "example.com_widgets.yaml"), "utf8")).toContain("second:");
}, 30_000);

test("a run that throws other than writing is reported as crdgen's own failure, not a write failure", async () => {
  const dir = await project();
  const io = capturingIo(dir);
  during = () => {
    throw new RangeError("Maximum call stack size exceeded");
  };
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  expect(io.err).toContain("crdgen: the input is nested too deeply to process");
  expect(io.err).not.toContain("CRD4003");
  expect(io.out).toBe("errors found; watching for changes\n");

  // Watching goes on: the next edit is generated.
  let next = handle.nextRun();
  await writeFile(path.join(dir, "types.ts"), widget("second"));
  expect((await next).ok).toBe(true);

  // An edit that throws on every run is reported once, not run again until the next edit.
  const crash = () => {
    during = crash;
    throw new Error("boom");
  };
  during = crash;
  next = handle.nextRun();
  await writeFile(path.join(dir, "types.ts"), widget("third"));
  // A late second event of the previous save (writeFile truncates, then writes) may bring a run
  // that finds nothing new first, under load: the edit's own run is one of the next few.
  let result = await next;
  for (let extra = 0; result.ok && extra < 3; extra++) result = await handle.nextRun();
  expect(result.ok).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(io.err.match(/internal error: boom/g)).toHaveLength(1);
}, 30_000);

/**
 * Arms `during` for the next run that reads `text` from types.ts: the session's warm-up rebuilds
 * (of the unchanged text) run the pipeline too, and are let through.
 */
function onRunReading(dir: string, text: string, action: () => void): void {
  const hook = () => {
    if (readFileSync(path.join(dir, "types.ts"), "utf8") === text) action();
    else during = hook;
  };
  during = hook;
}

test("a run that fails on a file saved again while it read it says nothing; the run of the saved text reports", async () => {
  const dir = await project();
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  // As when an editor's in-place write empties the file and a run reads it before the text lands.
  // (A stamp is mtime and size: the saved text is longer, as a file's text is longer than nothing.)
  const broken = widget("broken").replace("number", "bigint");
  onRunReading(dir, broken, () => writeFileSync(path.join(dir, "types.ts"), widget("savedText")));
  const next = handle.nextRun();
  await writeFile(path.join(dir, "types.ts"), broken);
  const result = await next;
  expect(result.ok).toBe(true);
  expect(await readFile(path.join(dir, "crds", "example.com_widgets.yaml"), "utf8")).toContain("savedText:");
  expect(io.err).not.toContain("CRD1002");
  expect(io.out).not.toContain("errors found");
}, 30_000);

test("a file rewritten during every run still gets its errors said, after three runs left unsaid", async () => {
  const dir = await project();
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts"] }, io);
  await handle.ready;
  const broken = (n: number) => widget(`broken${n}`).replace("number", "bigint");
  let rewrites = 0;
  const rewrite = () => {
    rewrites++;
    writeFileSync(path.join(dir, "types.ts"), broken(rewrites));
    if (rewrites < 4) onRunReading(dir, broken(rewrites), rewrite);
  };
  onRunReading(dir, broken(0), rewrite);
  const next = handle.nextRun();
  await writeFile(path.join(dir, "types.ts"), broken(0));
  const result = await next;
  expect(result.ok).toBe(false);
  // Each run rewrote the file while reading it: three were left unsaid, the fourth reported.
  expect(rewrites).toBe(4);
  expect(io.err).toContain("CRD1002");
  expect(io.out.match(/errors found/g)).toHaveLength(1);
}, 30_000);

test("closing while a run is going leaves no folder watched, so the process can exit", async () => {
  const dir = await project();
  const watchers = () => process.getActiveResourcesInfo().filter((r) => r === "FSEventWrap").length;
  const before = watchers();
  handle = startWatch({ entries: ["types.ts"] }, capturingIo(dir));
  handle.close();
  await handle.ready;
  expect(watchers()).toBe(before);
}, 30_000);
