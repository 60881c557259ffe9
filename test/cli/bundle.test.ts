/**
 * bin/crdgen.js runs the command line from its single-file bundle (dist/crdgen.cjs), which
 * `npm run build` makes after compiling (CI builds before testing). The bundle must behave as
 * the modules do: the same output, the same exit codes, its files found next to it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BIN = path.join(ROOT, "bin", "crdgen.js");

function runBin(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the built command", () => {
  it("loads the bundle (run `npm run build` first)", async () => {
    const { bundleIsCurrent } = await import(path.join(ROOT, "dist", "src", "cli", "entry.js"));
    expect(bundleIsCurrent()).toBe(true);
  });

  it("is started by a bin script that imports entry.js alone", () => {
    // One more ES module before TypeScript loads changed how V8 first sized the heap and cost 5% at
    // 5,000 types (bench/README.md): anything else bin needs comes from loadCli, out of the bundle.
    const bin = readFileSync(BIN, "utf8");
    expect([...bin.matchAll(/^\s*import\b.*$/gm)].map((m) => m[0].trim())).toEqual([
      'import { loadCli } from "../dist/src/cli/entry.js";',
    ]);
    expect(bin).not.toMatch(/\bimport\(/);
  });

  it("generates what the modules generate", async () => {
    const args = ["examples/cronjob/types.ts", "--stdout"];
    const fromModules = await runCli(args, ROOT);
    const fromBundle = runBin(args);
    expect(fromBundle.code).toBe(0);
    expect(fromBundle.stdout).toBe(fromModules.stdout);
  });

  it("finds its own files: the package version, Kubernetes' schemas, crdgen's known types", () => {
    expect(runBin(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const podTemplate = runBin(["examples/podtemplate/types.ts", "--stdout"]);
    expect(podTemplate.code).toBe(0);
    expect(podTemplate.stdout).toContain("x-kubernetes-list-map-keys");
  });

  it("reports bad input with exit code 1 and runs check with a glob", () => {
    const missing = runBin(["examples/nope.ts", "--stdout"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("File not found");
    const check = runBin(["check", "snapshots/*/*.yaml"]);
    expect(check.stderr + check.stdout).toMatch(/0 errors/);
  });
});
