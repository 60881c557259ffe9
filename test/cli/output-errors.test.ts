/**
 * Writing the command's output (src/cli/output-errors.ts): a slow reader gets all of it, a reader
 * that stops reading ends it quietly, and output that cannot be written is one line and exit code 1,
 * never a stack trace.
 */
import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { guardOutput, setExitCode } from "../../src/cli/output-errors.js";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BIN = path.join(ROOT, "bin", "crdgen.js");
// Its CRD is about 470 KB: several times what a pipe holds, so the writer has to wait for the reader.
const LARGE = ["examples/podtemplate/types.ts", "--stdout"];

function stderrSink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

function failingStdout(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

/** What guardOutput makes of a command that returns `code` after writing to `stdout`. */
async function outcome(code: number, stdout: Writable) {
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const stderr = stderrSink();
    guardOutput({ stdout, stderr: stderr.stream });
    stdout.write("apiVersion: v1\n");
    setExitCode(code);
    // The error event comes on a later tick, as Node emits it.
    await new Promise((resolve) => setImmediate(resolve));
    return { exitCode: process.exitCode, stderr: stderr.text() };
  } finally {
    process.exitCode = saved;
  }
}

describe("guardOutput", () => {
  it("keeps the command's code when the output was written", async () => {
    const ok = () => new Writable({ write: (_c, _e, done) => done() });
    expect(await outcome(0, ok())).toEqual({ exitCode: 0, stderr: "" });
    expect(await outcome(1, ok())).toEqual({ exitCode: 1, stderr: "" });
  });

  it("is quiet about a reader that closed the pipe", async () => {
    expect(await outcome(0, failingStdout("EPIPE"))).toEqual({ exitCode: 0, stderr: "" });
  });

  it("reports any other failure to write the output, with exit code 1", async () => {
    const stdout = failingStdout("ENOSPC");
    const { exitCode, stderr } = await outcome(0, stdout);
    expect(exitCode).toBe(1);
    expect(stderr).toBe("crdgen: could not write the output: write ENOSPC\n");
    // A usage error stays a usage error.
    expect((await outcome(2, failingStdout("EIO"))).exitCode).toBe(2);
  });
});

describe("setExitCode", () => {
  it("never lowers the exit code a failure set", () => {
    const saved = process.exitCode;
    try {
      process.exitCode = 1;
      setExitCode(0);
      expect(process.exitCode).toBe(1);
      setExitCode(2);
      expect(process.exitCode).toBe(2);
    } finally {
      process.exitCode = saved;
    }
  });
});

/** Runs the built command with stdout to a pipe that is read `delayMs` after the start, or closed after the first chunk. */
function runPiped(args: string[], reader: { delayMs: number } | "close-early") {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    if (reader === "close-early") {
      child.stdout.once("data", (d: Buffer) => {
        stdout += d.toString();
        child.stdout.destroy();
      });
    } else {
      child.stdout.pause();
      setTimeout(() => {
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stdout.resume();
      }, reader.delayMs);
    }
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the built command's output", () => {
  it("gives a slow reader all of its output before exiting", async () => {
    const expected = await runCli(LARGE, ROOT);
    expect(expected.stdout.length).toBeGreaterThan(256 * 1024);
    const run = await runPiped(LARGE, { delayMs: 500 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected.stdout);
  });

  it("stops quietly, with exit code 0, when the reader closes the pipe early", async () => {
    const run = await runPiped(LARGE, "close-early");
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/EPIPE|node:|Error/);
  });

  // /dev/full fails every write with ENOSPC: a disk that filled up while crdgen wrote.
  it.skipIf(!existsSync("/dev/full"))(
    "says so and exits with 1 when the output cannot be written",
    async () => {
      const full = openSync("/dev/full", "w");
      try {
        const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, "examples/cronjob/types.ts", "--stdout"], {
            cwd: ROOT,
            stdio: ["ignore", full, "pipe"],
          });
          let stderr = "";
          child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
          child.on("error", reject);
          child.on("close", (code) => resolve({ code, stderr }));
        });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(
          "crdgen: could not write the output: ENOSPC: no space left on device, write\n",
        );
      } finally {
        closeSync(full);
      }
    },
  );
});
