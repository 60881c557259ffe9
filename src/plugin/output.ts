/**
 * What a plugin instance's runs leave on disk, beyond what the session writes:
 *
 * - Stale CRD files are removed, as on the command line (a kind or @plural renamed, a type file
 *   deleted), but never those another plugin instance of this process makes (out-dir-claims.ts).
 * - The latest successful run's files are put back when they are gone: crdgen writes as a build
 *   starts, and a bundler that empties its output folder before writing the bundle (vite's
 *   `build.emptyOutDir`, webpack's `output.clean`) deletes CRDs written into it (`outDir:
 *   "dist/crds"`); the session, which skips files whose content it wrote before, would not write
 *   them again.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { failed } from "../generate.js";
import type { CrdSession } from "../session.js";
import { writeAtomically, type OutputFile } from "../write/files.js";
import { removeStaleCrdFiles, type KeptFiles } from "../write/stale-files.js";
import { OutDirClaim } from "./out-dir-claims.js";
import { inTurn, runFailure, type PluginOutcome } from "./run.js";

export class CrdOutput {
  private files: readonly OutputFile[] = [];
  private readonly claim: OutDirClaim;
  /** CRD files in the folder that crdgen did not write, so that they are not read on every run. */
  private readonly keptFiles: KeptFiles = new Map();
  /**
   * Whether the last run threw: it left the session's stamps as they were, so catching up with a
   * change made during it (`changedSinceRun`) would run, and throw, again.
   */
  private threw = false;
  /** Whether the last run failed (bad types, or it threw): a dev server says when a save fixes that. */
  private failing = false;

  /**
   * `producer` names what makes the files (see out-dir-claims.ts): the options but the output
   * folder. `refused` are the options' problems (CRD4004): each run reports them, and does nothing.
   */
  constructor(
    readonly session: CrdSession,
    outDir: string,
    producer: string,
    private readonly refused: readonly Diagnostic[] = [],
  ) {
    this.claim = new OutDirClaim(path.resolve(session.cwd, outDir), producer);
  }

  /**
   * Generates and writes, then tidies the output folder. A run that throws is reported, never
   * thrown: a file-system error as a CRD4003 problem, anything else as crdgen's own failure.
   */
  run(): Promise<PluginOutcome> {
    return inTurn(async (): Promise<PluginOutcome> => {
      if (this.refused.length > 0)
        return { result: failed([...this.refused]), written: [], removed: [], unchanged: false };
      const outcome = await this.session.run();
      if (!outcome.result.ok) return outcome;
      this.files = outcome.result.files;
      this.claim.update(this.files);
      // A file this instance removed earlier as stale and makes again is one the session believes
      // is still on disk.
      const restored = await this.restoreMissing();
      const written = [...outcome.written, ...restored.filter((f) => !outcome.written.includes(f))];
      const made = this.claim.madeInFolder();
      const removed = made ? await removeStaleCrdFiles(this.claim.outDir, made, this.keptFiles) : [];
      return { ...outcome, written, removed };
    }).then(
      (outcome: PluginOutcome) => {
        this.threw = false;
        this.failing = !outcome.result.ok;
        return outcome;
      },
      (e: unknown) => {
        this.threw = true;
        this.failing = true;
        return runFailure(e);
      },
    );
  }

  /** Whether the last run failed, so that a successful one is worth saying even when it wrote nothing. */
  get lastRunFailed(): boolean {
    return this.failing;
  }

  /** Whether a type file changed since the last run read it (its event lost); not after a run that threw. */
  changedSinceRun(): boolean {
    return !this.threw && this.session.changedSinceRead();
  }

  /**
   * Puts back the files of the last successful run that are gone (after the bundler emptied its
   * output folder). A folder that cannot be written was reported by the run that wrote into it:
   * a repair that fails too adds nothing, so it is quiet.
   */
  restore(): Promise<void> {
    return inTurn(() => this.restoreMissing()).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Writes the files of the last successful run that are gone; returns their paths. */
  private async restoreMissing(): Promise<string[]> {
    const missing = this.files.filter((f) => !existsSync(f.path));
    await writeAtomically(missing);
    return missing.map((f) => f.path);
  }
}
