/** What `crdgen --check` prints: the files out of date, their diffs, and what to do about them. */
import type { StaleReport } from "../stale.js";
import { EXIT_ERRORS, EXIT_OK, relativeTo, type CliIo } from "./io.js";

/** Prints `report` on the CRD files of `outDir`; returns the exit code. */
export function reportStale(report: StaleReport, files: number, outDir: string, io: CliIo): number {
  if (report.ok) {
    io.stdout.write(`${files} CRD file(s) in ${relativeTo(io.cwd, outDir)} are up to date\n`);
    return EXIT_OK;
  }
  for (const f of report.files) io.stdout.write(`${f.status}: ${relativeTo(io.cwd, f.path)}\n`);
  io.stdout.write("\n");
  for (const f of report.files) io.stdout.write(f.diff);
  io.stderr.write(
    `crdgen --check: ${report.files.length} file(s) out of date; run crdgen without --check to update them\n`,
  );
  // Generating removes the extra files crdgen wrote, not the others: say which are the user's to delete.
  for (const f of report.files) {
    if (f.status !== "extra" || f.crdgenOutput) continue;
    io.stderr.write(
      `crdgen --check: ${relativeTo(io.cwd, f.path)} was not written by crdgen (or was edited since), so generating keeps it: delete it if no type declares its CRD any more\n`,
    );
  }
  return EXIT_ERRORS;
}
