/**
 * crdgen's `engines.node` promises no Node version that one of the packages it installs refuses:
 * on such a version npm warns of each of them (EBADENGINE) and crdgen may fail where its own
 * range said it would run. The installed tree (node_modules) stands for what a user gets.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { satisfies, type Version } from "./node-range.js";
import { readPackageJson, ROOT } from "./package-root.js";

/** Where `name` is installed for a package in `from`, found as Node finds it (node_modules upwards). */
function installedDir(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} (needed by ${from}) is not installed`);
  }
}

/** The `engines.node` range of crdgen's dependencies, direct and indirect, by package name. */
function dependencyEngines(): Map<string, string> {
  const engines = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    for (const name of Object.keys(readPackageJson(dir).dependencies ?? {})) {
      const depDir = installedDir(name, dir);
      if (seen.has(depDir)) continue;
      seen.add(depDir);
      const node = readPackageJson(depDir).engines?.node;
      if (node !== undefined) engines.set(name, node);
      visit(depDir);
    }
  };
  visit(ROOT);
  return engines;
}

/** Node versions to try: every minor of the majors an engines range might name. */
const SAMPLES: Version[] = Array.from({ length: 9 }, (_, i) => 18 + i).flatMap((major) =>
  Array.from({ length: 30 }, (_, minor): Version => [major, minor, 0]),
);

describe("engines.node", () => {
  const own = readPackageJson().engines?.node ?? "*";

  it("admits the Node running the tests", () => {
    const [major = 0, minor = 0, patch = 0] = process.versions.node.split(".").map(Number);
    expect(satisfies([major, minor, patch], own)).toBe(true);
  });

  it("admits no Node version that a dependency refuses", () => {
    const engines = dependencyEngines();
    expect(engines.size).toBeGreaterThan(0);
    const refused = SAMPLES.filter((v) => satisfies(v, own)).flatMap((v) =>
      [...engines]
        .filter(([, range]) => !satisfies(v, range))
        .map(([name, range]) => `${name} refuses Node ${v.join(".")} (${range})`),
    );
    expect(refused).toEqual([]);
  });
});

describe("the range reader", () => {
  it.each([
    [[20, 19, 0], "^20.19.0 || >=22.12.0", true],
    [[20, 18, 3], "^20.19.0 || >=22.12.0", false],
    [[21, 0, 0], "^20.19.0 || >=22.12.0", false],
    [[22, 11, 0], "^20.19.0 || >=22.12.0", false],
    [[24, 0, 0], "^20.19.0 || >=22.12.0", true],
    [[20, 0, 0], "20 || >=22", true],
    [[21, 5, 0], "20 || >=22", false],
    [[14, 6, 0], ">= 14.6", true],
    [[14, 5, 9], ">= 14.6", false],
    [[20, 0, 0], ">=18 <21", true],
    [[21, 0, 0], ">=18 <21", false],
  ] as const)("%j in %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});
