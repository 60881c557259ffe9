/**
 * A run ended in the middle of writing its CRDs (Ctrl-C, `kill`, a tool stopping its children)
 * leaves no temporary file beside them, and ends as the signal would have ended it. Runs the built
 * command (`npm run build` first), since only a process of its own can be interrupted.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { watch } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/crdgen.js", import.meta.url));

/** Enough CRDs that writing them takes a while: the signal lands while temporary files are there. */
function manyRoots(count: number): string {
  const roots = [];
  for (let i = 0; i < count; i++)
    roots.push(
      `/**\n * @crd\n * @group example.com\n * @version v1\n */\nexport interface Kind${i} { spec: { size${i}: number } }\n`,
    );
  return roots.join("\n");
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test.each(["SIGINT", "SIGTERM"] as const)(
  "%s while the CRDs are written",
  async (signal) => {
    dir = await mkdtemp(path.join(tmpdir(), "crdgen-temp-files-"));
    await writeFile(path.join(dir, "types.ts"), manyRoots(400));
    const out = path.join(dir, "crds");
    await mkdir(out);
    let sawTemp = false;
    const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const child = spawn(process.execPath, [BIN, "types.ts", "-o", "crds"], { cwd: dir, stdio: "ignore" });
      const watcher = watch(out, (_event, name) => {
        if (sawTemp || !name?.toString().endsWith(".tmp")) return;
        sawTemp = true;
        child.kill(signal);
      });
      child.on("exit", (code, sig) => {
        watcher.close();
        resolve({ code, signal: sig });
      });
    });
    const { code, signal: endedBy } = await ended;
    expect(sawTemp).toBe(true);
    expect({ code, endedBy }).toEqual({ code: null, endedBy: signal });
    expect((await readdir(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  },
  60_000,
);
