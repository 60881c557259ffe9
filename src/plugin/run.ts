/**
 * Runs of the plugin instances of one process take turns, writes and tidying included. Instances
 * sharing an output folder remove only the files none of them makes (out-dir-claims.ts): one tidying
 * while another has written a new file but not yet claimed it would remove that file.
 */
import { codes } from "../diagnostics/codes.js";
import { describeWriteFailure } from "../runtime/fs-error.js";
import type { RunOutcome } from "../session.js";

let turn: Promise<unknown> = Promise.resolve();

/** Runs `work` once all the work started before it in this process is done. */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = turn.then(work);
  turn = next.catch(() => undefined);
  return next;
}

/**
 * A run that threw (an output folder that cannot be written), as the CRD4003 problem
 * `crdgen --watch` reports: shown like any other, with no stack trace; a thrown error would
 * also stop webpack's watcher for good.
 */
export function writeFailure(e: unknown): RunOutcome {
  const { message, hint } = describeWriteFailure(e, "outDir");
  const result = {
    crds: [],
    files: [],
    stream: "",
    diagnostics: [{ severity: "error" as const, code: codes.writeFailed, message, hint }],
    ok: false,
  };
  return { result, written: [], removed: [], unchanged: false };
}
