/**
 * crdgen for vite: regenerates the CRDs at the start of `vite build`, on every rebuild of
 * `vite build --watch`, and whenever a type file is saved while `vite` (the dev server) runs.
 *
 * ```ts
 * // vite.config.ts
 * import crdgen from "crdgen/vite";
 * export default { plugins: [crdgen({ entries: ["src/api/types.ts"], outDir: "crds" })] };
 * ```
 */
import { crdgen } from "./core.js";

export type { CrdgenPluginOptions } from "./options.js";
export default crdgen.vite;
