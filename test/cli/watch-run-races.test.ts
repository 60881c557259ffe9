/**
 * Watch mode around a run in progress: a file saved while the run reads it (before any watcher is
 * on its folder), a run that throws something other than a write failure, and closing (Ctrl-C)
 * while a run is going. Each is made to happen at that moment by a hook inside the pipeline.
 */
import { writeFileSync } from "node:fs";
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

test("closing while a run is going leaves no folder watched, so the process can exit", async () => {
  const dir = await project();
  const watchers = () => process.getActiveResourcesInfo().filter((r) => r === "FSEventWrap").length;
  const before = watchers();
  handle = startWatch({ entries: ["types.ts"] }, capturingIo(dir));
  handle.close();
  await handle.ready;
  expect(watchers()).toBe(before);
}, 30_000);
