/**
 * The command that brings the files `--check` found out of date up to date: the run's own command
 * line without `--check`, so a CI log says what to paste, entries, `-o` and `--format` included.
 */
import { shellWord } from "../diagnostics/shell-word.js";

/** `crdgen <argv without --check>`, quoted for a POSIX shell. */
export function regenerateCommand(argv: readonly string[]): string {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  // After `--` every word is an entry, even one spelt `--check`.
  const rest = end === -1 ? [] : argv.slice(end);
  return ["crdgen", ...options.filter((a) => a !== "--check"), ...rest].map(shellWord).join(" ");
}
