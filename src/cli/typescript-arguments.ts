/**
 * `crdgen check src/types.ts` and `crdgen diff crds/ src/types.ts` read their files as YAML: a
 * TypeScript file gave dozens of YAML syntax errors about its braces. A file named by its path
 * (not a glob, nor a folder, where only .yaml, .yml and .json files are read) whose extension is
 * TypeScript's is a usage error that says what to run instead.
 */
import { shellWord } from "../diagnostics/shell-word.js";

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/i;
const GLOB = /[*?[\]{}]/;

/** The usage error for the first argument that names a TypeScript file, if one does. */
export function typeScriptArgument(command: "check" | "diff", args: readonly string[]): string | undefined {
  const file = args.find((a) => TYPESCRIPT.test(a) && !GLOB.test(a));
  if (file === undefined) return undefined;
  const what = `${file} is TypeScript, and crdgen ${command} reads CRDs as YAML or JSON`;
  const generate = `crdgen ${shellWord(file)}`;
  return command === "check"
    ? `${what}: crdgen checks the CRDs it generates before it writes them, so run ${generate} --stdout (or ${generate} --check, to compare them with the files in its --out-dir)`
    : `${what}: generate its CRDs first (${generate} --out-dir <folder>) and compare that folder`;
}
