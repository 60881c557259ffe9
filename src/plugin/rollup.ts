/**
 * crdgen for rollup: regenerates the CRDs at the start of every build, and in `rollup --watch`
 * whenever a type file changes (the type files are watched even if the bundle never imports them).
 *
 * ```js
 * // rollup.config.mjs
 * import crdgen from "crdgen/rollup";
 * export default { input: "src/index.js", plugins: [crdgen({ entries: ["src/api/types.ts"] })] };
 * ```
 */
import { crdgen } from "./core.js";

export type { CrdgenPluginOptions } from "./options.js";
export default crdgen.rollup;
