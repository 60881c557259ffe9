/** A throwaway copy of examples/plugin-project for one test, and the edits the tests make to it. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ViteDevServer } from "vite";

const EXAMPLE = fileURLToPath(new URL("../../examples/plugin-project/", import.meta.url));

export const TYPES = "src/api/types.ts";
export const CRD = "crds/example.com_widgets.yaml";

/** The example's spec with `extra` added to its fields, e.g. `color?: string;`. */
export function typesWith(extra: string): string {
  return `/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget {
  spec: WidgetSpec;
}

export interface WidgetSpec {
  size: number;
  ${extra}
}
`;
}

/** The example's types with the CRD's plural renamed: its file is then `crds/example.com_gizmos.yaml`. */
export const RENAMED_TYPES = typesWith("").replace(" * @version v1\n", " * @version v1\n * @plural gizmos\n");
export const RENAMED_CRD = "crds/example.com_gizmos.yaml";

/** A field crdgen rejects (CRD1002), on line 12, column 3 of types.ts. */
export const BAD_TYPES = typesWith("count: bigint;");
export const BAD_LOCATION = `${TYPES}:12:3`;

/** A field nested 3,000 levels deep: generating it runs out of call stack (a RangeError, no I/O error). */
export const DEEP_TYPES = typesWith(`deep?: ${"{ a: ".repeat(3000)}string${" }".repeat(3000)};`);

export interface Project {
  dir: string;
  file(relative: string): string;
  read(relative: string): Promise<string>;
  write(relative: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function copyProject(): Promise<Project> {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-plugin-"));
  await cp(EXAMPLE, dir, { recursive: true });
  const file = (relative: string) => path.join(dir, relative);
  return {
    dir,
    file,
    read: (relative) => readFile(file(relative), "utf8"),
    write: (relative, text) => writeFile(file(relative), text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Polls until `check` holds; watchers report through files, not promises. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Starts a vite dev server on the copy and waits until it wrote the first CRD and its watcher
 * watches the types: vite's watcher scans the root while the server starts, and an edit made
 * before it watches the types' directory is never reported (to crdgen or to vite itself).
 */
export async function listenUntilWatching(server: ViteDevServer, project: Project): Promise<void> {
  await server.listen();
  await eventually(async () => (await project.read(CRD)).includes("size:"), "the first CRD");
  const typesDir = path.dirname(project.file(TYPES));
  await eventually(
    async () => server.watcher.getWatched()[typesDir]?.includes(path.basename(TYPES)) ?? false,
    "vite's watcher to watch the types",
  );
}

/** Creates a type file with a second CRD under src/api/ and waits for that CRD to be written. */
export async function createdEntryIsPickedUp(project: Project): Promise<void> {
  await project.write(
    "src/api/gadget.ts",
    "/** @crd @group example.com @version v1 */\nexport interface Gadget { spec: { on?: boolean } }\n",
  );
  await eventually(
    async () => (await project.read("crds/example.com_gadgets.yaml")).includes("kind: Gadget"),
    "the new file's CRD",
  );
}

/** What rollup's watcher and rolldown's (vite's `build --watch`) have in common. */
interface BuildWatcher {
  on(event: "event", listener: (e: { code: string }) => void): unknown;
  close(): Promise<void>;
}

/**
 * A close for a rollup or rolldown watcher that waits until no build runs: rollup's `close()`
 * does not wait for a running build, which goes on writing the bundle and the CRDs into the
 * folder the test removes next (ENOTEMPTY on its last rmdir). Made right after the watcher,
 * before its first build starts.
 */
export function closeWhenIdle(watcher: BuildWatcher): () => Promise<void> {
  let running = false;
  watcher.on("event", (e) => {
    if (e.code === "START") running = true;
    else if (e.code === "END" || e.code === "ERROR") running = false;
  });
  return async () => {
    await eventually(async () => !running, "the running build to end");
    await watcher.close();
  };
}
