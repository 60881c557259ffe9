/**
 * A team porting its Go API types to crdgen gates CI with `crdgen diff <controller-gen's CRDs>
 * <crdgen's CRDs>`. Run end to end on the ports under test/parity/fixtures against the corpus
 * originals they port: what differs only in spelling (one-of rules as controller-gen v0.21 wrote
 * them, descriptions wrapped on other lines, implicit root fields) must not block the port.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrdChange } from "../../src/diff/index.js";
import { runCli } from "../helpers/cli.js";
import { CORPUS_DIR } from "./corpus.js";
import { tempDir } from "./cli-helpers.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir("migration"));
});
afterAll(() => cleanup());

/** Generates the fixture with the CLI, then diffs the corpus original against it (JSON). */
async function diffPort(fixture: string, original: string): Promise<{ code: number; changes: CrdChange[] }> {
  const out = path.join(dir, fixture);
  const generated = await runCli(
    [path.join("test", "parity", "fixtures", fixture, "types.ts"), "-o", out],
    REPO,
  );
  expect(generated.code, generated.stderr).toBe(0);
  const diff = await runCli(["diff", path.join(CORPUS_DIR, original), out, "--format", "json"], REPO);
  const { changes } = JSON.parse(diff.stdout) as { changes: CrdChange[] };
  return { code: diff.code, changes };
}

describe("crdgen diff from controller-gen's CRD to crdgen's port", () => {
  it("finds no change between trust-manager's Bundle and its port", async () => {
    const { code, changes } = await diffPort(
      "trust-manager-bundle",
      "trust-manager/trust.cert-manager.io_bundles.yaml",
    );
    // Five one-of rules respelled and sixteen descriptions wrapped on other lines: all the same API.
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it("finds no description change between Velero's Backup and its port", async () => {
    const { code, changes } = await diffPort("velero-backup", "velero/velero.io_backups.yaml");
    expect(changes.filter((c) => c.kind === "description-changed").map((c) => c.path)).toEqual([]);
    expect(changes.filter((c) => c.breaking).map((c) => `${c.kind} ${c.path}`)).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);
});
