/** What one run tells the bundler: the diagnostics, formatted as the CLI prints them, as an error or a warning. */
import { formatDiagnostics } from "../diagnostics/format.js";
import type { RunOutcome } from "../session.js";

export interface RunReport {
  /** Text that should fail the build. */
  error?: string;
  /** Text to show without failing. */
  warning?: string;
}

/**
 * With `fail` unset a failed run becomes a warning that says the CRDs on disk were kept, so
 * someone reading a watch log knows the files are from the last good edit.
 */
export function reportOf(outcome: RunOutcome, cwd: string, fail: boolean): RunReport {
  const { diagnostics, ok } = outcome.result;
  if (diagnostics.length === 0) return {};
  const text = formatDiagnostics(diagnostics, { cwd }).trimEnd();
  if (ok) return { warning: `crdgen:\n${text}` };
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const headline = `crdgen: ${errors} error${errors === 1 ? "" : "s"} in the CRD types`;
  return fail
    ? { error: `${headline}; no CRD was written.\n${text}` }
    : { warning: `${headline}; the CRDs on disk were kept.\n${text}` };
}
