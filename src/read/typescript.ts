/**
 * The TypeScript compiler ts-morph bundles. crdgen drives the compiler API directly (see
 * compiler-host.ts). It comes from `@ts-morph/common`, the part of ts-morph that bundles TypeScript,
 * resolved from ts-morph's own location so the versions always match, and is loaded as CommonJS
 * through a V8 code cache (runtime/code-cache.ts), which spares every run compiling its 9 MB of
 * JavaScript; neither ts-morph's own 1 MB wrapper library nor the rest of `@ts-morph/common` (the
 * lib files as strings, see lib-files.ts) is loaded. Types still come from
 * `import type { ts } from "ts-morph"`, which costs nothing at run time.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type * as TsMorph from "ts-morph";
import { cacheDirNear, requireWithCodeCache } from "../runtime/code-cache.js";

interface TsMorphCommon {
  getLibFiles(): ReadonlyArray<{ fileName: string; text: string }>;
}

const tsMorphMain = createRequire(import.meta.url).resolve("ts-morph");
const requireFromTsMorph = createRequire(tsMorphMain);
const commonMain = requireFromTsMorph.resolve("@ts-morph/common");

/**
 * crdgen's cache folder (`node_modules/.cache/crdgen` of ts-morph's install, else the user's, see
 * cacheDirNear); undefined when there is none or caching is turned off
 * (`NODE_DISABLE_COMPILE_CACHE=1`, Node's own switch).
 */
export const cacheFolder = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheDirNear(tsMorphMain);

/**
 * TypeScript's compiler API (values: enums, type guards, helpers): the module itself, which
 * `@ts-morph/common` re-exports behind a getter per name.
 */
export const tsApi = requireWithCodeCache(
  path.join(path.dirname(commonMain), "typescript.js"),
  cacheFolder,
) as typeof TsMorph.ts;

/** The rest of `@ts-morph/common`, loaded only when needed (it finds TypeScript already loaded). */
export function loadTsMorphCommon(): TsMorphCommon {
  return requireFromTsMorph(commonMain) as TsMorphCommon;
}
