/**
 * Failures to write the command's output. Node emits them as `error` events on stdout and stderr,
 * and an `error` event without a listener ends the process with a stack trace.
 *
 * A reader that stops reading (`crdgen types.ts --stdout | head`) closes the pipe (EPIPE): the
 * rest of the output is dropped quietly, as Unix tools do, and the exit code is the command's.
 * Any other failure to write stdout (a full disk, say) is one line on stderr and exit code 1.
 * A failing stderr has nowhere to be reported.
 */
import type { Writable } from "node:stream";
import { EXIT_ERRORS } from "./io.js";

export interface OutputStreams {
  stdout: Writable;
  stderr: Writable;
}

export function guardOutput(streams: OutputStreams): void {
  let reported = false;
  streams.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || reported) return;
    reported = true;
    streams.stderr.write(`crdgen: could not write the output: ${error.message}\n`);
    setExitCode(EXIT_ERRORS);
  });
  streams.stderr.on("error", () => {});
}

/**
 * Makes the process exit with `code`, unless a failure already set a more serious one: a write
 * error can be emitted before or after the command returns, and a usage error (2) stays one.
 */
export function setExitCode(code: number): void {
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
}
