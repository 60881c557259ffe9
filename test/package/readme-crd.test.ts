/**
 * The README's first example, copied into a user's project that installed crdgen, generates its
 * CRD with the command that package installs: `int32` and `Time` imported from "crdgen" keep
 * their meaning (an integer, a date-time), which they have only when they come from crdgen.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readmeSnippets } from "./readme-snippets.js";
import { scratchProject } from "./scratch-project.js";

describe("the README's CRD in a user's project", () => {
  it("generates with the installed command", () => {
    const crd = readmeSnippets().find((s) => s.code.includes("@crd"));
    expect(crd).toBeDefined();
    const project = scratchProject("module");
    project.write("tsconfig.json", JSON.stringify({ compilerOptions: { module: "nodenext", strict: true } }));
    project.write("src/types.ts", crd!.code);
    const bin = path.join(project.dir, "node_modules", "crdgen", "bin", "crdgen.js");
    const r = spawnSync(process.execPath, [bin, "src/types.ts", "--stdout"], {
      cwd: project.dir,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /backoffLimit:\n(\s+\w+: .*\n)*?\s+format: int32\n(\s+\w+: .*\n)*?\s+type: integer/,
    );
    expect(r.stdout).toMatch(/lastScheduleTime:\n\s+format: date-time\n\s+type: string/);
  });
});
