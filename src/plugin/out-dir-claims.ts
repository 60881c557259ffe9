/**
 * Which CRD files the plugin instances of this process make, by output folder. Generating removes
 * the CRD files crdgen wrote that a run no longer makes; two plugins writing to one folder (two
 * entry sets, `crds/` by default) would remove each other's files at every build. So a file is
 * stale only when no producer sharing the folder makes it.
 *
 * A producer is what makes the files (entries, format...), not a plugin instance: a build that
 * creates its plugin again (a script building twice, a dev server restarted) replaces the
 * earlier instance's claim rather than keeping its files for ever.
 */
import path from "node:path";

/** By output folder, by producer: the files the latest successful run made, unknown before one. */
const claims = new Map<string, Map<string, readonly string[] | undefined>>();

export class OutDirClaim {
  readonly outDir: string;

  constructor(
    outDir: string,
    private readonly producer: string,
  ) {
    this.outDir = path.resolve(outDir);
    const producers = claims.get(this.outDir) ?? new Map<string, readonly string[] | undefined>();
    producers.set(producer, undefined);
    claims.set(this.outDir, producers);
  }

  update(files: readonly { path: string }[]): void {
    claims.get(this.outDir)?.set(
      this.producer,
      files.map((f) => path.resolve(f.path)),
    );
  }

  /**
   * Every file the producers sharing the folder make, or undefined while one of them has not had
   * a successful run (its files are unknown, and may well be on disk from an earlier build).
   */
  madeInFolder(): { path: string }[] | undefined {
    const made: { path: string }[] = [];
    for (const files of claims.get(this.outDir)?.values() ?? []) {
      if (files === undefined) return undefined;
      for (const file of files) made.push({ path: file });
    }
    return made;
  }
}
