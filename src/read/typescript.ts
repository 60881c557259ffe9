/**
 * ts-morph and the TypeScript it bundles, as runtime values. ts-morph is CommonJS: an ESM
 * `import { ts } from "ts-morph"` makes Node lex its whole source for named exports first
 * (about 90 ms of every run); `require` skips that. Types still come from
 * `import type { ts } from "ts-morph"`, which costs nothing at run time.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

/** TypeScript's compiler API (values: enums, type guards, helpers). */
export const tsApi: typeof TsMorph.ts = tsMorph.ts;
export const Project: typeof TsMorph.Project = tsMorph.Project;
