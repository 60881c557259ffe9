/**
 * An entry inside an installed package (`crdgen node_modules/@acme/api/src/types.ts`): its types
 * are read as any entry's. The reader notes where the user's own types reach a package's; with
 * the entry itself in a package there is no such place, and the reader once called itself until
 * the stack ran out.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

test("an entry under node_modules, with object types of its package", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-packages-"));
  const pkg = path.join(dir, "node_modules", "@acme", "api");
  await mkdir(pkg, { recursive: true });
  await writeFile(path.join(pkg, "package.json"), '{ "name": "@acme/api", "type": "module" }\n');
  await writeFile(path.join(pkg, "common.ts"), "export interface Common { name?: string }\n");
  await writeFile(
    path.join(pkg, "types.ts"),
    'import type { Common } from "./common.js";\n' +
      "/** @crd @group example.com @version v1 */\n" +
      "export interface Widget { spec: { common?: Common; inner?: { size?: number } } }\n",
  );
  for (const entry of ["node_modules/@acme/api/types.ts", "node_modules/@acme/api"]) {
    const run = await runCli([entry, "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(
      "              common:\n                properties:\n                  name:\n",
    );
    expect(run.stdout).toContain(
      "              inner:\n                properties:\n                  size:\n",
    );
  }
});
