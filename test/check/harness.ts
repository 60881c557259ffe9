/** Runs `crdgen check` in-process against files in a fresh temporary directory. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCheck } from "../../src/cli/check.js";
import type { CliIo } from "../../src/cli/io.js";
import { textOf } from "../helpers/cli.js";

/** One finding of `crdgen check --format json`. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: string;
  code: string;
  path: string;
  type: string;
  message: string;
  hint?: string;
}

export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-check-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `stdin` stands for standard input, read when `-` is an argument. */
export async function check(args: string[], cwd: string, stdin?: () => Promise<string>): Promise<CheckRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    cwd,
    stdout: { write: (s: string | Uint8Array) => (stdout += textOf(s)) },
    stderr: { write: (s: string) => (stderr += s) },
    ...(stdin ? { readStdin: stdin } : {}),
  };
  const code = await runCheck(args, io);
  return { code, stdout, stderr };
}

/** A small valid CRD; `patch` edits the text to break it in one place. */
export function crdYaml(patch: (text: string) => string = (t) => t): string {
  return patch(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size:
                  type: integer
                  minimum: 1
                color:
                  type: string
`);
}
