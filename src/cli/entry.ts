/**
 * What bin/crdgen.js runs: the command line from its single-file bundle (dist/crdgen.cjs, built by
 * scripts/bundle-cli.mjs) through crdgen's V8 code cache, which spares each run loading ~150 ES
 * modules; or from the ES modules themselves when there is no bundle, or it is older than them.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cacheDirNear, requireWithCodeCache } from "../runtime/code-cache.js";
import type * as CommandLine from "./main.js";

/** What the process needs of the command line: the command, and the guards on its output. */
export type Cli = Pick<typeof CommandLine, "main" | "guardOutput" | "setExitCode">;

const BUNDLE = fileURLToPath(new URL("../../crdgen.cjs", import.meta.url));
const MODULE = fileURLToPath(new URL("./main.js", import.meta.url));

/** Whether the bundle is there and current, so `loadCli` loads it. */
export function bundleIsCurrent(): boolean {
  return isCurrent(BUNDLE, MODULE);
}

/**
 * Loads the command line. bin/crdgen.js imports nothing else: an extra ES module loaded before
 * TypeScript was enough to change how V8 sized the heap at first (by the share of early objects
 * that survived), which added a full collection during type checking at 5,000 types (5% of the run).
 */
export async function loadCli(args: readonly string[] = []): Promise<Cli> {
  if (bundleIsCurrent()) {
    const cacheDir = cacheDirNear(createRequire(import.meta.url).resolve("ts-morph"));
    return requireWithCodeCache(BUNDLE, cacheDir, { variant: codeCacheVariant(args) }) as Cli;
  }
  return await import("./main.js");
}

/**
 * The code cache entry a command line starts from: `check` and `diff` run code of their own, and
 * each keeps the functions it compiled in an entry of its own; generation (watch mode too) has
 * the plain one. Read from the first word as main.ts dispatches on it.
 */
export function codeCacheVariant(args: readonly string[]): string | undefined {
  const [command] = args;
  return command === "check" || command === "diff" ? command : undefined;
}

/**
 * Whether `bundle` exists and was built after `module` (a build without the bundle step leaves it
 * stale). An installed package is never rebuilt, and its files' times are the installer's: pnpm
 * gives the bundle an older one than the modules, which would cost every run the slower start.
 */
export function isCurrent(bundle: string, module: string): boolean {
  try {
    const built = statSync(bundle).mtimeMs;
    return INSTALLED.test(bundle) || built >= statSync(module).mtimeMs;
  } catch {
    return false;
  }
}

const INSTALLED = /[\\/]node_modules[\\/]/;
