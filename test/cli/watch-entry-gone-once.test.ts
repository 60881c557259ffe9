/**
 * Watch mode: an entry file deleted is said once, not again and again until it is back (the run
 * that reports it must not leave the session believing a file changed since it was read).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { startWatch, type WatchHandle } from "../../src/cli/watch.js";
import { capturingIo } from "../helpers/cli.js";

const ROOT =
  "/**\n * @crd\n * @group example.com\n * @version v1\n */\nexport interface Widget { spec: { size: number } }\n";
const GONE = "no longer exists";

let handle: WatchHandle | undefined;
afterEach(() => handle?.close());

const count = (text: string, part: string) => text.split(part).length - 1;

test("a deleted entry is one error, and a later edit of another file says it once more", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-gone-once-"));
  await writeFile(path.join(dir, "types.ts"), ROOT);
  await writeFile(path.join(dir, "other.ts"), ROOT.replace("Widget", "Gadget"));
  const io = capturingIo(dir);
  handle = startWatch({ entries: ["types.ts", "other.ts"] }, io);
  await handle.ready;

  const next = handle.nextRun();
  await rm(path.join(dir, "types.ts"));
  expect((await next).ok).toBe(false);
  // Enough time for dozens of runs at the watcher's 10 ms debounce.
  await new Promise((r) => setTimeout(r, 500));
  expect(count(io.err, GONE)).toBe(1);
  expect(count(io.out, "errors found")).toBe(1);

  // An edit meanwhile is kept for the run that finds the entry back.
  let again = handle.nextRun();
  await writeFile(path.join(dir, "other.ts"), ROOT.replace("Widget", "Gadget").replace("size", "count"));
  expect((await again).ok).toBe(false);
  expect(count(io.err, GONE)).toBe(2);

  again = handle.nextRun();
  await writeFile(path.join(dir, "types.ts"), ROOT);
  expect((await again).ok).toBe(true);
  expect(await readFile(path.join(dir, "crds", "example.com_gadgets.yaml"), "utf8")).toContain("count:");
  await rm(dir, { recursive: true, force: true });
}, 30_000);
