/**
 * crdgen for webpack: regenerates the CRDs at the start of every compilation, so also on every
 * rebuild of `webpack --watch` and the dev server; the type files are added to the
 * compilation's file dependencies, so saving one triggers a rebuild. crdgen's problems are
 * compilation errors and warnings.
 *
 * ```js
 * // webpack.config.mjs
 * import Crdgen from "crdgen/webpack";
 * export default { entry: "./src/index.js", plugins: [Crdgen({ entries: ["src/api/types.ts"] })] };
 * ```
 */
import { crdgen } from "./core.js";

export type { CrdgenPluginOptions } from "./options.js";
export default crdgen.webpack;
