/**
 * Runs of the plugin instances of one process take turns, writes and tidying included. Instances
 * sharing an output folder remove only the files none of them makes (out-dir-claims.ts): one tidying
 * while another has written a new file but not yet claimed it would remove that file.
 */
import { unexpectedError } from "../cli/io.js";
import { codes } from "../diagnostics/codes.js";
import { failed as failedGeneration } from "../generate.js";
import { describeWriteFailure, isFileSystemError } from "../runtime/fs-error.js";
import type { RunOutcome } from "../session.js";

let turn: Promise<unknown> = Promise.resolve();

/** Runs `work` once all the work started before it in this process is done. */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = turn.then(work);
  turn = next.catch(() => undefined);
  return next;
}

/** A run as a plugin reports it. */
export interface PluginOutcome extends RunOutcome {
  /**
   * Set when the run threw other than writing (input nested too deeply for the call stack, a
   * crdgen bug): what a one-shot `crdgen` run prints for it. It is no problem in the types, so it
   * is not among the diagnostics, which are empty then.
   */
  failure?: string;
}

/**
 * A run that threw, reported as `crdgen --watch` reports it: an output folder that cannot be
 * written is a CRD4003 problem, anything else is said as a one-shot run says it. Never a stack
 * trace; and a thrown error would also stop webpack's watcher for good.
 */
export function runFailure(e: unknown): PluginOutcome {
  const failed = { written: [], removed: [], unchanged: false };
  if (!isFileSystemError(e))
    return { result: failedGeneration([]), ...failed, failure: unexpectedError("crdgen", e) };
  const { message, hint } = describeWriteFailure(e, "outDir");
  const diagnostics = [{ severity: "error" as const, code: codes.writeFailed, message, hint }];
  return { result: failedGeneration(diagnostics), ...failed };
}
