/** Which file `CrdSession.warmUp` re-reads: one whose edit costs what a user's edit costs. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { loadProgram } from "../../src/read/program.js";
import { CrdSession, warmUpFile } from "../../src/session.js";

test("a warm-up re-reads a type file of the program, never the tsconfig or a file an import waits for", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-warm-file-"));
  await writeFile(path.join(dir, "tsconfig.json"), '{ "compilerOptions": { "strict": true } }\n');
  await writeFile(
    path.join(dir, "root.ts"),
    'import type { Spec } from "./spec";\n/** @crd @group example.com @version v1 */\nexport interface Widget { spec: Spec }\n',
  );
  await writeFile(
    path.join(dir, "spec.ts"),
    'export type { Later } from "./later";\nexport interface Spec { size?: number }\n',
  );
  const session = new CrdSession({ entries: ["root.ts"], cwd: dir, typeCheck: false });
  await session.run();
  const files = session.typeFiles();
  // The session watches the tsconfig and `later.ts`'s candidates too, after the program's files.
  const tsconfig = path.join(dir, "tsconfig.json");
  expect(files).toContain(tsconfig);
  expect(files).toContain(path.join(dir, "later.ts"));
  const loaded = loadProgram({ entries: ["root.ts"], cwd: dir });
  const chosen = warmUpFile(files, loaded, new Set([tsconfig]));
  expect([path.join(dir, "root.ts"), path.join(dir, "spec.ts")]).toContain(chosen);
  expect(warmUpFile([tsconfig, path.join(dir, "later.ts")], loaded, new Set([tsconfig]))).toBeUndefined();
  await rm(dir, { recursive: true, force: true });
});
