/**
 * crdgen is ES modules only, and a CommonJS project still loads it with `require` (a
 * `webpack.config.js`, a `.cjs` script): Node 20.19+/22.12+, the versions crdgen supports, load an
 * ES module from `require` when the package's `exports` offer one to it (a `default` condition,
 * not only `import`). The plugins are their module's `default` export there.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { scratchProject } from "./scratch-project.js";

/** Runs `script` as a CommonJS module of a user's project; what it prints is JSON. */
function runCommonJs(script: string): { status: number | null; value: unknown; stderr: string } {
  const project = scratchProject("commonjs");
  const file = project.write("probe.js", script);
  const r = spawnSync(process.execPath, [file], { cwd: project.dir, encoding: "utf8" });
  return { status: r.status, value: r.status === 0 ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

describe("require() from a CommonJS project", () => {
  it("loads the API", () => {
    const r = runCommonJs(`
      const { generate, writeOutput, diffCrds, validateCrd, checkStale } = require("crdgen");
      console.log(JSON.stringify([generate, writeOutput, diffCrds, validateCrd, checkStale].map((f) => typeof f)));
    `);
    expect(r.stderr).toBe("");
    expect(r.value).toEqual(Array(5).fill("function"));
  });

  it("loads each plugin as the module's default export, and the package.json", () => {
    const r = runCommonJs(`
      const plugins = ["vite", "rollup", "esbuild", "webpack"].map((name) => typeof require("crdgen/" + name).default);
      console.log(JSON.stringify([...plugins, require("crdgen/package.json").name]));
    `);
    expect(r.stderr).toBe("");
    expect(r.value).toEqual(["function", "function", "function", "function", "crdgen"]);
  });
});
