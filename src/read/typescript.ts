/**
 * The TypeScript compiler ts-morph bundles, and the standard library files that come with it.
 * crdgen drives the compiler API directly (see compiler-host.ts); both values come from
 * `@ts-morph/common`, the part of ts-morph that bundles TypeScript, resolved from ts-morph's
 * own location so the versions always match. Requiring it directly (CommonJS, not an ESM
 * import) skips ts-morph's own 1 MB wrapper library and Node's export lexing of it at startup.
 * Types still come from `import type { ts } from "ts-morph"`, which costs nothing at run time.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

interface TsMorphCommon {
  ts: typeof TsMorph.ts;
  getLibFiles(): ReadonlyArray<{ fileName: string; text: string }>;
}

const requireFromHere = createRequire(import.meta.url);
const common = createRequire(requireFromHere.resolve("ts-morph"))("@ts-morph/common") as TsMorphCommon;

/** TypeScript's compiler API (values: enums, type guards, helpers). */
export const tsApi: typeof TsMorph.ts = common.ts;

/** TypeScript's `lib.*.d.ts` files, which ts-morph ships as strings rather than files. */
export const libFiles = (): ReadonlyArray<{ fileName: string; text: string }> => common.getLibFiles();
