/**
 * bin/crdgen.js runs the command line from its single-file bundle (dist/crdgen.cjs), which
 * `npm run build` makes after compiling (CI builds before testing). The bundle must behave as
 * the modules do: the same output, the same exit codes, its files found next to it.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BIN = path.join(ROOT, "bin", "crdgen.js");

function cacheEntries(): string[] {
  return readdirSync(path.join(ROOT, "node_modules", ".cache", "crdgen"));
}

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
    // entry.js is loaded with import(), so that a missing build is a message, not a stack trace.
    const bin = readFileSync(BIN, "utf8");
    expect(bin).not.toMatch(/^\s*import\b/m);
    expect([...bin.matchAll(/\bimport\(\s*([^)\s][^)]*)\)/g)].map((m) => m[1])).toEqual([
      '"../dist/src/cli/entry.js"',
    ]);
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

  it("is ASCII, and its patterns with µ still match (escaped by the bundle script)", () => {
    // One non-ASCII character made V8 hold the whole bundle as two-byte text (~7 ms a start).
    const bytes = readFileSync(path.join(ROOT, "dist", "crdgen.cjs"));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-bundle-"));
    const crd = path.join(dir, "timers.yaml");
    const field = (def: string) => `{ type: string, format: duration, default: ${JSON.stringify(def)} }`;
    writeFileSync(
      crd,
      [
        "apiVersion: apiextensions.k8s.io/v1",
        "kind: CustomResourceDefinition",
        "metadata: { name: timers.example.com }",
        "spec:",
        "  group: example.com",
        "  names: { kind: Timer, plural: timers }",
        "  scope: Namespaced",
        "  versions:",
        "    - name: v1",
        "      served: true",
        "      storage: true",
        "      schema:",
        "        openAPIV3Schema:",
        "          type: object",
        "          properties:",
        `            micro: ${field("5µs")}`,
        `            greek: ${field("5μs")}`,
        `            wrong: ${field("5xs")}`,
        "",
      ].join("\n"),
    );
    const check = runBin(["check", crd]);
    expect(check.code).toBe(1);
    // Only the unknown unit is refused: µ (micro sign) and μ (Greek mu) are both Go's microseconds.
    expect(check.stdout).toContain('Invalid value: "5xs"');
    expect(check.stdout).toMatch(/1 error, 0 warnings/);
  });

  it("starts `check` and `diff` from code cache entries of their own", async () => {
    // An entry keeps the functions its first run compiled: a generation run's left check to
    // compile its own, ~100 ms of a corpus check.
    const { codeCacheVariant } = await import(path.join(ROOT, "dist", "src", "cli", "entry.js"));
    expect(codeCacheVariant(["check", "crds/"])).toBe("check");
    expect(codeCacheVariant(["diff", "a.yaml", "b.yaml"])).toBe("diff");
    expect(codeCacheVariant(["src/types.ts", "--watch"])).toBeUndefined();
    expect(codeCacheVariant(["--help"])).toBeUndefined();
    expect(codeCacheVariant([])).toBeUndefined();
    // The bin passes its arguments: a check run leaves (or finds) the check entry, complete.
    expect(runBin(["check", "snapshots/cronjob/*.yaml"]).code).toBe(0);
    expect(cacheEntries().some((name) => /^crdgen\.check-\w+-\w+\.v8cache$/.test(name))).toBe(true);
  });

  it("leaves complete code cache entries after a generation that ran every stage", () => {
    // A run that stops early saves a partial entry at most; a complete run replaces it.
    expect(runBin(["examples/cronjob/types.ts", "--stdout"]).code).toBe(0);
    const names = cacheEntries();
    expect(names.some((name) => /^crdgen-\w+-\w+\.v8cache$/.test(name))).toBe(true);
    expect(names.some((name) => /^typescript-\w+-\w+\.v8cache$/.test(name))).toBe(true);
  });
});

describe("whether the bundle is current", () => {
  /** A bundle and a module in `dir`, the bundle written a minute before the module. */
  function olderBundle(dir: string): [string, string] {
    mkdirSync(dir, { recursive: true });
    const bundle = path.join(dir, "crdgen.cjs");
    const module = path.join(dir, "main.js");
    writeFileSync(bundle, "");
    writeFileSync(module, "");
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(bundle, minuteAgo, minuteAgo);
    return [bundle, module];
  }

  it("in a working copy: only when built after the modules", async () => {
    const { isCurrent } = await import(path.join(ROOT, "dist", "src", "cli", "entry.js"));
    const [bundle, module] = olderBundle(mkdtempSync(path.join(tmpdir(), "crdgen-bin-")));
    expect(isCurrent(bundle, module)).toBe(false);
    expect(isCurrent(module, bundle)).toBe(true);
    expect(isCurrent(`${bundle}.gone`, module)).toBe(false);
  });

  it("installed under node_modules (pnpm gives the bundle an older time): always", async () => {
    const { isCurrent } = await import(path.join(ROOT, "dist", "src", "cli", "entry.js"));
    const root = mkdtempSync(path.join(tmpdir(), "crdgen-bin-"));
    const [bundle, module] = olderBundle(path.join(root, "node_modules", "crdgen", "dist"));
    expect(isCurrent(bundle, module)).toBe(true);
    expect(isCurrent(`${bundle}.gone`, module)).toBe(false);
  });
});

describe("without a complete build", () => {
  /** A copy of the package with `dist` as given: bin/crdgen.js, package.json and node_modules beside it. */
  function packageWith(dist: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-bin-"));
    mkdirSync(path.join(dir, "bin"));
    copyFileSync(BIN, path.join(dir, "bin", "crdgen.js"));
    copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    for (const [file, text] of Object.entries(dist)) {
      mkdirSync(path.dirname(path.join(dir, "dist", file)), { recursive: true });
      writeFileSync(path.join(dir, "dist", file), text);
    }
    return dir;
  }

  const entry = () => readFileSync(path.join(ROOT, "dist", "src", "cli", "entry.js"), "utf8");

  it.each([
    ["no dist at all", () => ({}), /dist\/src\/cli\/entry\.js is missing\): run `npm run build`$/],
    [
      "entry.js alone (a build cut short)",
      () => ({ "src/cli/entry.js": entry() }),
      /dist\/src\/runtime\/code-cache\.js is missing\): run `npm run build`$/,
    ],
    [
      "a file cut off mid-write",
      () => ({ "src/cli/entry.js": entry().slice(0, 200) }),
      /: run `npm run build`$/,
    ],
  ])("%s: one line, exit code 1", (_what, dist, message) => {
    const dir = packageWith(dist());
    const r = spawnSync(process.execPath, [path.join(dir, "bin", "crdgen.js"), "--version"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^crdgen: its build \(dist\/\) is missing or incomplete \(/);
    expect(lines[0]).toMatch(message);
  });
});
