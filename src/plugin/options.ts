/** The options every crdgen bundler plugin takes, and how a build's mode settles the defaults. */
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { optionErrors } from "../option-errors.js";
import { isPlainObject } from "../validate/json.js";
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
  /** Cut descriptions longer than this after the last sentence end, else at a word boundary (controller-gen's maxDescLen). */
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

/** The keys of `CrdgenPluginOptions`, for telling a misspelt one (`outdir`) rather than ignoring it. */
const OPTION_NAMES: readonly (keyof CrdgenPluginOptions)[] = [
  "entries",
  "outDir",
  "tsconfig",
  "format",
  "failOnError",
  "maxDescriptionLength",
  "cwd",
];

/**
 * What a bundler config passes that crdgen cannot use (CRD4004): the API's checks, an unknown
 * key (a config file is JavaScript: nothing else would tell), and a `failOnError` that is no flag.
 */
export function pluginOptionErrors(options: unknown): Diagnostic[] {
  const errors = optionErrors(options, OPTION_NAMES);
  const failOnError: unknown = isPlainObject(options) ? options.failOnError : undefined;
  if (failOnError !== undefined && typeof failOnError !== "boolean")
    errors.push({
      severity: "error",
      code: codes.badOption,
      message: `failOnError ${JSON.stringify(failOnError) ?? typeof failOnError} is not true or false.`,
      hint: "use true or false, or leave it out (builds fail, watch mode and the dev server warn)",
    });
  return errors;
}

/** The options as far as they can be used: an object, with `cwd` and `outDir` strings or absent. */
export function usableOptions(options: unknown): CrdgenPluginOptions {
  const given = (isPlainObject(options) ? options : {}) as Partial<CrdgenPluginOptions>;
  const { cwd, outDir, ...rest } = given;
  return {
    ...rest,
    entries: Array.isArray(given.entries) ? given.entries : [],
    ...(typeof cwd === "string" ? { cwd } : {}),
    ...(typeof outDir === "string" ? { outDir } : {}),
  };
}
