/**
 * The published tarball: everything crdgen loads at run time is in it (the files a module reads
 * beside itself, the command's bundle, each export's code and types), and nothing a user does not
 * need is (tests, TypeScript sources, source maps whose sources are not shipped).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filesUnder, packedFiles, readPackageJson, ROOT } from "./package-root.js";

let packed: Set<string>;
beforeAll(() => {
  packed = new Set(packedFiles());
});

/** `./dist/x.js` -> `dist/x.js`, as npm lists files. */
const normal = (file: string): string => path.posix.normalize(file).replace(/^\.\//, "");

/**
 * The files dist's modules read relative to themselves: `new URL("./schemas.json", import.meta.url)`
 * (the bundle's paths are the modules' own, see scripts/bundle-cli.mjs).
 */
function filesReadBesideModules(): string[] {
  const dist = path.join(ROOT, "dist");
  return filesUnder(dist, [".js"]).flatMap((module) => {
    const source = readFileSync(path.join(dist, module), "utf8");
    const relative = [...source.matchAll(/new URL\(\s*"(\.{1,2}\/[^"]+)",\s*import\.meta\.url\s*\)/g)];
    return relative.map((m) => normal(path.posix.join("dist", path.posix.dirname(module), m[1]!)));
  });
}

describe("the published package", () => {
  it("holds what package.json points at", () => {
    const pkg = readPackageJson();
    const targets = [
      ...Object.values(pkg.bin ?? {}),
      pkg.main,
      pkg.types,
      ...Object.values(pkg.exports ?? {}).flatMap((target) =>
        typeof target === "string" ? [target] : [target.types, target.default],
      ),
      ...Object.values(pkg.typesVersions ?? {}).flatMap((paths) => Object.values(paths).flat()),
    ].filter((target): target is string => target !== undefined);
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.map(normal).filter((file) => !packed.has(file))).toEqual([]);
  });

  it("holds the command's bundle and the data files its modules read", () => {
    const read = filesReadBesideModules();
    // The package's version, Kubernetes' schemas and the bundle are among them: the scan works.
    expect(read).toEqual(
      expect.arrayContaining(["package.json", "dist/src/read/kubernetes/schemas.json", "dist/crdgen.cjs"]),
    );
    expect(read.filter((file) => !packed.has(file))).toEqual([]);
  });

  it("holds nothing else: no tests, sources or source maps", () => {
    const extra = [...packed].filter(
      (file) =>
        !/^(package\.json|README\.md|LICENSE(\.\w+)?)$/.test(file) &&
        !/^bin\/[^/]+\.js$/.test(file) &&
        !/^dist\/(crdgen\.cjs|(src|transforms)\/.+\.(js|d\.ts|json))$/.test(file),
    );
    expect(extra).toEqual([]);
    // The maps name `../../src/*.ts`, which is not published: they would only add a fifth to the size.
    expect([...packed].filter((file) => file.endsWith(".map"))).toEqual([]);
  });
});
