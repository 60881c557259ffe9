/**
 * What bin/crdgen.js runs: the command line from its single-file bundle (dist/crdgen.cjs, built by
 * scripts/bundle-cli.mjs) through crdgen's V8 code cache, which spares each run loading ~150 ES
 * modules; or from the ES modules themselves when there is no bundle, or it is older than them.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cacheDirNear, requireWithCodeCache } from "../runtime/code-cache.js";
import type { main } from "./main.js";

type Main = typeof main;

const BUNDLE = fileURLToPath(new URL("../../crdgen.cjs", import.meta.url));
const MODULE = fileURLToPath(new URL("./main.js", import.meta.url));

/** Whether the bundle is there and current, so `loadMain` loads it. */
export function bundleIsCurrent(): boolean {
  return isCurrent(BUNDLE, MODULE);
}

export async function loadMain(): Promise<Main> {
  if (bundleIsCurrent()) {
    const cacheDir = cacheDirNear(createRequire(import.meta.url).resolve("ts-morph"));
    return (requireWithCodeCache(BUNDLE, cacheDir) as { main: Main }).main;
  }
  return (await import("./main.js")).main;
}

/** Whether `bundle` exists and was built after `module` (a build without the bundle step leaves it stale). */
function isCurrent(bundle: string, module: string): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(module).mtimeMs;
  } catch {
    return false;
  }
}
