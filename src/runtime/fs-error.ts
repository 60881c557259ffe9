/**
 * A file-system error as the few words a message needs ("permission denied"). Node's own text
 * repeats the code, the system call and the path (`EACCES: permission denied, scandir '/x'`),
 * which read as an internal error in a sentence that names the path already.
 */
export function describeFsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^[A-Z][A-Z0-9_]+: (.+?), \w+(?: '.*')?$/s.exec(message);
  return m ? m[1]! : message;
}

/**
 * Why the CRD files could not be written, in the user's words: Node's `ENOTDIR: not a directory,
 * mkdir '/x/crds'` read as a crash, and never said that the folder given is a file. `option` is
 * how the caller names the output folder (`--out-dir`, `outDir`), for the hint; `show` writes a path
 * as the user would (relative to their folder).
 */
export function describeWriteFailure(
  error: unknown,
  option: string,
  show: (p: string) => string = (p) => p,
): { message: string; hint?: string } {
  const e = error as Partial<NodeJS.ErrnoException> | undefined;
  const where = typeof e?.path === "string" ? show(e.path) : undefined;
  if (e?.code === "ENOTDIR" && where !== undefined)
    return {
      message: `could not write output: ${where} is a file, not a folder`,
      hint: `give ${option} a folder, or a path where one can be made`,
    };
  if (e?.code === "EISDIR" && where !== undefined)
    return {
      message: `could not write output: ${where} is a folder, not a file`,
      hint: "move the folder out of the way: each CRD is written to a file of that name",
    };
  const what = describeFsError(error);
  return { message: `could not write output${where === undefined ? "" : ` to ${where}`}: ${what}` };
}

/**
 * A failure of a file-system call (a full disk, no permission), not of crdgen itself: only these
 * are "could not write output". Node's errors from such a call carry the call's name; crdgen's
 * make-dirs.ts does too.
 */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === "string";
}
