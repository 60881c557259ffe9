/**
 * The TypeScript compiler ts-morph bundles, and the standard library files that come with it.
 * crdgen drives the compiler API directly (see compiler-host.ts); both values come from
 * `@ts-morph/common`, the part of ts-morph that bundles TypeScript, resolved from ts-morph's
 * own location so the versions always match. Both are loaded as CommonJS, without ts-morph's
 * own 1 MB wrapper library, and TypeScript through a V8 code cache (runtime/code-cache.ts),
 * which spares every run compiling its 9 MB of JavaScript. Types still come from
 * `import type { ts } from "ts-morph"`, which costs nothing at run time.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type * as TsMorph from "ts-morph";
import { cacheDirNear, requireWithCodeCache } from "../runtime/code-cache.js";

interface TsMorphCommon {
  ts: typeof TsMorph.ts;
  getLibFiles(): ReadonlyArray<{ fileName: string; text: string }>;
}

const tsMorphMain = createRequire(import.meta.url).resolve("ts-morph");
const requireFromTsMorph = createRequire(tsMorphMain);
const commonMain = requireFromTsMorph.resolve("@ts-morph/common");
// TypeScript first, through the code cache; @ts-morph/common then finds it already loaded.
// (@ts-morph/common itself is mostly lib files as strings: caching it gains no time.)
requireWithCodeCache(path.join(path.dirname(commonMain), "typescript.js"), cacheDirNear(tsMorphMain));
const common = requireFromTsMorph(commonMain) as TsMorphCommon;

/** TypeScript's compiler API (values: enums, type guards, helpers). */
export const tsApi: typeof TsMorph.ts = common.ts;

/** TypeScript's `lib.*.d.ts` files, which ts-morph ships as strings rather than files. */
export const libFiles = (): ReadonlyArray<{ fileName: string; text: string }> => common.getLibFiles();
