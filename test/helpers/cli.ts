/** Runs the CLI in-process with captured output. */
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd,
    stdout: { write: (s: string | Uint8Array) => (stdout += textOf(s)) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** An io for long-running commands (watch) whose output the test reads as it comes: `io.out`, `io.err`. */
export function capturingIo(cwd: string) {
  const io = {
    cwd,
    out: "",
    err: "",
    stdout: { write: (s: string | Uint8Array) => ((io.out += textOf(s)), true) },
    stderr: { write: (s: string) => ((io.err += s), true) },
  };
  return io;
}

/** What the CLI wrote: text, or a CRD stream's UTF-8 bytes (in pieces that end at character boundaries). */
export function textOf(chunk: string | Uint8Array): string {
  return typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
}
