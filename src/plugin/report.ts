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
  const errors = diagnostics.filter((d) => d.severity === "error");
  // An option, a tsconfig or a missing entry is no error in the types: those have a place in them.
  const where = errors.some((d) => d.location !== undefined) ? " in the CRD types" : "";
  const headline = `crdgen: ${errors.length} error${errors.length === 1 ? "" : "s"}${where}`;
  return fail
    ? { error: `${headline}; no CRD was written.\n${text}` }
    : { warning: `${headline}; the CRDs on disk were kept.\n${text}` };
}
