/**
 * crdgen for esbuild: regenerates the CRDs at the start of every build and of every rebuild of
 * `context.watch()`. crdgen's errors fail the build unless `failOnError: false` (esbuild's watch
 * mode reports them and keeps watching either way).
 *
 * ```js
 * import * as esbuild from "esbuild";
 * import crdgen from "crdgen/esbuild";
 * await esbuild.build({ entryPoints: ["src/index.ts"], bundle: true, outdir: "dist",
 *   plugins: [crdgen({ entries: ["src/api/types.ts"] })] });
 * ```
 */
import { crdgen } from "./core.js";

export type { CrdgenPluginOptions } from "./options.js";
export default crdgen.esbuild;
