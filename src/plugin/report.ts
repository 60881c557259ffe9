/** What one run tells the bundler: the diagnostics (or crdgen's own failure), as the CLI prints them, as an error or a warning. */
import { formatDiagnostics } from "../diagnostics/format.js";
import type { PluginOutcome } from "./run.js";

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
export function reportOf(outcome: PluginOutcome, cwd: string, fail: boolean): RunReport {
  if (outcome.failure !== undefined) {
    const text = outcome.failure.trimEnd();
    return fail ? { error: text } : { warning: `${text}\nThe CRDs on disk were kept.` };
  }
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
