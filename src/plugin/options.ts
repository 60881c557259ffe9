/** The options every crdgen bundler plugin takes, and how a build's mode settles the defaults. */
import type { OutputFormat } from "../write/render.js";

export interface CrdgenPluginOptions {
  /** TypeScript files declaring `@crd` roots, relative to `cwd`. */
  entries: string[];
  /** Where CRD files go, relative to `cwd`; `crds` by default. */
  outDir?: string;
  /** tsconfig.json to use; by default the nearest one above the first entry. */
  tsconfig?: string;
  /** yaml (default) or json. */
  format?: OutputFormat;
  /**
   * Fail the build on a crdgen error. Defaults to true for a one-off build and false in
   * watch mode and the dev server, where errors are reported as warnings and the next
   * edit is picked up: a typo in a type should not stop the app's rebuilds.
   */
  failOnError?: boolean;
  /** Cut descriptions longer than this at a word boundary (controller-gen's maxDescLen). */
  maxDescriptionLength?: number;
  /**
   * Base for relative paths. Defaults to the bundler's own root (vite's `root`, webpack's
   * `context`, esbuild's `absWorkingDir`), else the process's working directory.
   */
  cwd?: string;
}

/** Whether errors fail this build: an explicit option wins, else only one-off builds fail. */
export function failsOnError(options: CrdgenPluginOptions, watchMode: boolean): boolean {
  return options.failOnError ?? !watchMode;
}
