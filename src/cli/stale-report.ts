/** What `crdgen --check` prints: the files out of date, their diffs, and what to do about them. */
import path from "node:path";
import type { StaleReport } from "../stale.js";
import { EXIT_ERRORS, EXIT_OK, relativeTo, type CliIo } from "./io.js";

/**
 * Prints `report` on the CRD files of `outDir`; returns the exit code. `fixCommand` is the command
 * that updates them (the run's own, without `--check`).
 */
export function reportStale(
  report: StaleReport,
  files: number,
  outDir: string,
  io: CliIo,
  fixCommand: string,
): number {
  if (report.ok) {
    io.stdout.write(`${files} CRD file(s) in ${relativeTo(io.cwd, outDir)} are up to date\n`);
    return EXIT_OK;
  }
  for (const f of report.files)
    io.stdout.write(`${f.status}: ${relativeTo(io.cwd, f.path)}${f.crlfOnly ? crlfNote(f.path) : ""}\n`);
  const diffs = report.files.map((f) => f.diff).filter((d) => d !== "");
  if (diffs.length > 0) io.stdout.write(`\n${diffs.join("")}`);
  // Generating fixes all but the extra files crdgen did not write: for those alone, it is no advice.
  const byGenerating = report.files.filter((f) => f.status !== "extra" || f.crdgenOutput).length;
  const count = report.files.length;
  io.stderr.write(
    byGenerating === count
      ? `crdgen --check: ${count} file(s) out of date; run \`${fixCommand}\` to update them\n`
      : byGenerating > 0
        ? `crdgen --check: ${count} file(s) out of date; run \`${fixCommand}\` to update ${byGenerating} of them\n`
        : `crdgen --check: ${count} file(s) out of date, which generating does not remove\n`,
  );
  // Generating removes the extra files crdgen wrote, not the others: say which are the user's to delete.
  for (const f of report.files) {
    if (f.status !== "extra" || f.crdgenOutput) continue;
    if (f.duplicates) {
      const { name, generated } = f.duplicates;
      io.stderr.write(
        `crdgen --check: ${relativeTo(io.cwd, f.path)} holds the CRD ${name}, which crdgen generates into ${relativeTo(io.cwd, generated)}: applying the folder would apply both, so delete it (generating keeps it)\n`,
      );
      continue;
    }
    io.stderr.write(
      `crdgen --check: ${relativeTo(io.cwd, f.path)} was not written by crdgen (or was edited since), so generating keeps it: delete it if no type declares its CRD any more\n`,
    );
  }
  return EXIT_ERRORS;
}

/**
 * One line for a file whose only difference is CRLF line endings instead of a diff of every line.
 * The usual cause is git converting them on checkout (core.autocrlf on Windows); pinning the
 * files to LF in .gitattributes stops it.
 */
function crlfNote(file: string): string {
  const ext = path.extname(file) || ".yaml";
  return ` (only the line endings differ: CRLF on disk, crdgen writes LF; if git converts them on checkout, add \`*${ext} text eol=lf\` to .gitattributes)`;
}
