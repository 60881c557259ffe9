import path from "node:path";
import type { Utf8Text } from "../write/utf8-text.js";

/** What a CLI command may touch: injected so tests run commands in-process. */
export interface CliIo {
  /** Output is text, or (a CRD stream) UTF-8 bytes in pieces that each end at a character boundary. */
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
  /** Colour is only used when the stream is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** All of standard input, for a `-` argument; the process's own when not given. */
  readStdin?: () => Promise<string>;
}

/** Exit codes shared by every command: 0 ok, 1 input/validation errors, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/**
 * A usage error, worded alike by every command: `<command>: <message>`, then the command's
 * usage; exit code 2.
 */
export function usageError(io: CliIo, command: string, message: string, usage: string): number {
  io.stderr.write(`${command}: ${message}\n\n${usage}`);
  return EXIT_USAGE;
}

/**
 * An input error found before any checking starts (a file that is missing or unreadable, a glob
 * matching nothing): one line naming it, exit code 1. Not a usage error: the command line was
 * well formed, and README reserves exit 2 for those.
 */
export function inputError(io: CliIo, command: string, message: string): number {
  io.stderr.write(`${command}: ${message}\n`);
  return EXIT_ERRORS;
}

/** Writes text as its UTF-8 bytes, piece by piece (a whole 17 MB stream is never one string or buffer). */
export function writeBytes(stream: CliIo["stdout"], text: Utf8Text): void {
  for (const piece of text.pieces) stream.write(piece);
}

/**
 * What a command prints for an exception it did not expect, its last line of defence: a few
 * lines, never a stack trace. Running out of call stack is nearly always input nested thousands of
 * levels deep, so it is told as that; a type that holds itself once made crdgen recurse without
 * end, so the message also says when it is a bug to report.
 */
export function unexpectedError(command: string, e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return (
      `${command}: the input is nested too deeply to process (the JavaScript call stack ran out).\n` +
      "Kubernetes takes at most 256 levels of schema nesting: a CRD cannot be that deep.\n" +
      "If the input is not that deep (and tsc compiles it), please report this with the input that caused it.\n"
    );
  }
  const message = e instanceof Error ? e.message : String(e);
  return `${command}: internal error: ${message}\nPlease report this with the input that caused it.\n`;
}

/** `file` relative to `cwd` when it is under it, as a run's messages show paths. */
export function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + path.sep) ? file.slice(cwd.length + 1) : file;
}
