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
