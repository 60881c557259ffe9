/**
 * A tsconfig deleted (a branch switch, `git stash`) and then put back: the session goes on
 * watching for it, and loads the program with it again once it is back.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { CrdSession } from "../../src/session.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, paths: { "@lib/*": ["./lib/*"] } } });
const TYPES = `import type { Size } from "@lib/size";
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget { spec: { size: Size } }
`;

test("a tsconfig deleted and put back is read again", async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-tsconfig-back-"));
  await mkdir(path.join(dir, "lib"));
  await writeFile(path.join(dir, "lib", "size.ts"), "/** @minimum 1 */\nexport type Size = number;\n");
  await writeFile(path.join(dir, "types.ts"), TYPES);
  await writeFile(path.join(dir, "tsconfig.json"), TSCONFIG);
  const session = new CrdSession({ entries: ["types.ts"], cwd: dir });
  expect((await session.run()).result.ok).toBe(true);

  // Without its `paths`, the import finds nothing.
  await rename(path.join(dir, "tsconfig.json"), path.join(dir, "tsconfig.json.bak"));
  const without = await session.run();
  expect(without.result.ok).toBe(false);
  expect(session.typeFiles()).toContain(path.join(dir, "tsconfig.json"));

  await rename(path.join(dir, "tsconfig.json.bak"), path.join(dir, "tsconfig.json"));
  const back = await session.run();
  expect(back.unchanged).toBe(false);
  expect(back.result.ok).toBe(true);
  expect(await readFile(path.join(dir, "crds", "example.com_widgets.yaml"), "utf8")).toContain("minimum: 1");
});
