/** Watch mode: an entry file deleted is reported as such; watching goes on and recreating it recovers. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { startWatch, type WatchHandle } from "../../src/cli/watch.js";
import { capturingIo } from "../helpers/cli.js";

const root = (kind: string) => `/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface ${kind} { spec: { size: number } }
`;

let handle: WatchHandle | undefined;
afterEach(() => handle?.close());

describe("crdgen --watch: a deleted entry file", () => {
  test.each<[string, Record<string, string>, string]>([
    ["the only entry", { "types.ts": "Widget" }, "types.ts"],
    ["an entry in a folder", { "w/types.ts": "Widget" }, "w/types.ts"],
    ["one of two entries", { "a.ts": "Widget", "b.ts": "Gadget" }, "b.ts"],
  ])(
    "%s",
    async (_what, files, deleted) => {
      const dir = await mkdtemp(path.join(tmpdir(), "crdgen-watch-gone-"));
      for (const [name, kind] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), root(kind));
      }
      const io = capturingIo(dir);
      handle = startWatch({ entries: Object.keys(files) }, io);
      await handle.ready;
      expect(io.err).toBe("");

      let next = handle.nextRun();
      await rm(path.join(dir, deleted));
      expect((await next).ok).toBe(false);
      expect(io.err).toContain(
        `error CRD4001: The entry file ${deleted} no longer exists (deleted or renamed); generating resumes when it is back.`,
      );
      expect(io.err).not.toContain("No CRD found");
      expect(io.out).toContain("errors found; watching for changes");

      next = handle.nextRun();
      await writeFile(path.join(dir, deleted), root(files[deleted]!).replace("size", "count"));
      expect((await next).ok).toBe(true);
      const crd = `example.com_${files[deleted]!.toLowerCase()}s.yaml`;
      expect(await readFile(path.join(dir, "crds", crd), "utf8")).toContain("count:");
    },
    30_000,
  );
});
