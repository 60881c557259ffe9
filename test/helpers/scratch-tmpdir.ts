// Vitest global setup: every temporary folder a test makes (os.tmpdir(), in workers and in the CLI
// processes they spawn) goes under one folder made for the run, removed when the run ends. Tests
// then need no cleanup of their own, and a run leaves nothing behind in /tmp, even when a test fails.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "crdgen-tests-"));
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
