/**
 * What a JavaScript caller of the API or a bundler config (no type checker to stop either) may
 * pass that crdgen cannot use: said as CRD4004 diagnostics, rather than quietly writing YAML for
 * `format: "xml"`, or failing deep inside with `entries.map is not a function`.
 */
import { codes } from "./diagnostics/codes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { didYouMean } from "./tags/suggest.js";
import { isPlainObject } from "./validate/json.js";

/** The options `generate`, `CrdSession` and the plugins share, as a caller may really pass them. */
const PATHS = ["cwd", "outDir", "tsconfig"] as const;

/**
 * The problems of `options` as generation options. With `known`, a key that is none of them is
 * one too (a misspelt `outdir` would write to `crds` without a word).
 */
export function optionErrors(options: unknown, known?: readonly string[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const refuse = (message: string, hint: string) =>
    errors.push({ severity: "error", code: codes.badOption, message, hint });
  if (!isPlainObject(options)) {
    refuse(`the options are ${describe(options)}, not an object.`, 'pass { entries: ["src/types.ts"] }');
    return errors;
  }
  const o = options;
  const { entries, format, maxDescriptionLength: max, typeCheck } = o;
  if (!Array.isArray(entries) || entries.some((e) => typeof e !== "string"))
    refuse(
      entries === undefined
        ? "entries is missing."
        : `entries ${describe(entries)} is not a list of file or folder names.`,
      typeof entries === "string"
        ? `write it as a list: entries: [${JSON.stringify(entries)}]`
        : 'list the files or folders declaring the @crd types: entries: ["src/types.ts"]',
    );
  for (const key of PATHS) {
    const value = o[key];
    if (value !== undefined && typeof value !== "string")
      refuse(`${key} ${describe(value)} is not a path.`, `give ${key} as a string, or leave it out`);
  }
  if (format !== undefined && format !== "yaml" && format !== "json")
    refuse(`format ${describe(format)} is not an output format.`, 'use "yaml" or "json"');
  if (max !== undefined && !(typeof max === "number" && Number.isInteger(max) && max >= 0))
    refuse(
      `maxDescriptionLength ${describe(max)} is not a length.`,
      "use a whole number of characters, 0 or more (0 drops descriptions)",
    );
  if (typeCheck !== undefined && typeof typeCheck !== "boolean")
    refuse(`typeCheck ${describe(typeCheck)} is not true or false.`, "use false to skip type errors");
  for (const key of known ? Object.keys(o).filter((k) => !known.includes(k)) : []) {
    const meant = didYouMean(key, known!);
    refuse(
      `${key} is not an option of crdgen.`,
      meant ? `did you mean ${meant}?` : `the options are ${known!.join(", ")}`,
    );
  }
  return errors;
}

/** A value as the message quotes it: JSON where it has one (`"xml"`, `-1`, `["a"]`), else its kind. */
function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (typeof value === "number") return String(value); // NaN and Infinity too, which JSON writes as null
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    // A cycle or a bigint: said by its kind.
  }
  return typeof value;
}
