/**
 * What the built code imports at run time is what package.json's `dependencies` install: a user's
 * `npm install crdgen` gets no devDependencies, so an import of one works here and fails there.
 * The specifiers are TypeScript's reading of each file (`ts.preProcessFile`), so an import named in
 * a comment is not one.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { filesUnder, readPackageJson, ROOT } from "./package-root.js";

const DIST = path.join(ROOT, "dist");
const pkg = readPackageJson();

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`; undefined for a relative one. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const isBuiltin = (name: string): boolean => name.startsWith("node:") || builtinModules.includes(name);

/**
 * What a module loads: its imports and requires, and what it resolves to load itself
 * (`createRequire(import.meta.url).resolve("ts-morph")`, as read/typescript.ts finds TypeScript).
 */
function specifiers(source: string): string[] {
  const resolved = source.matchAll(/createRequire\(import\.meta\.url\)\.resolve\(\s*"([^"]+)"/g);
  return [
    ...ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName),
    ...[...resolved].map((m) => m[1]!),
  ];
}

/** The packages `files` (under dist/) import or require, with the files importing each. */
function importedPackages(files: string[]): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const file of files) {
    for (const specifier of specifiers(readFileSync(path.join(DIST, file), "utf8"))) {
      const name = packageOf(specifier);
      if (name === undefined || isBuiltin(name) || name === pkg.name) continue;
      byPackage.set(name, [...(byPackage.get(name) ?? []), file]);
    }
  }
  return byPackage;
}

describe("the runtime imports of dist/", () => {
  // The ES modules (the API and the plugins) and the command's CommonJS bundle.
  const runtime = importedPackages(filesUnder(DIST, [".js", ".cjs"]));

  it("are all declared dependencies", () => {
    expect(runtime.size).toBeGreaterThan(3); // the scan finds imports at all
    const undeclared = [...runtime].filter(([name]) => !Object.hasOwn(pkg.dependencies ?? {}, name));
    expect(Object.fromEntries(undeclared)).toEqual({});
  });

  it("use every dependency (one that nothing imports belongs in devDependencies)", () => {
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => !runtime.has(name))).toEqual([]);
  });

  it("leave the declarations naming only dependencies and (optional) peer dependencies", () => {
    // vite.d.ts names vite's Plugin type: a user importing crdgen/vite has vite installed.
    const declared = { ...pkg.dependencies, ...pkg.peerDependencies };
    const types = importedPackages(filesUnder(DIST, [".d.ts"]));
    const undeclared = [...types].filter(([name]) => !Object.hasOwn(declared, name));
    expect(Object.fromEntries(undeclared)).toEqual({});
  });
});
