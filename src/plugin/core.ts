/**
 * crdgen as a build step: one unplugin factory behind `crdgen/vite`, `crdgen/rollup`,
 * `crdgen/esbuild` and `crdgen/webpack`. Each build (and each watch-mode rebuild) starts by
 * regenerating the CRDs from the types; the type files are put on the bundler's watch list,
 * so editing one rebuilds even though the app's bundle never imports it.
 */
import path from "node:path";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { regenerateOnChange, type StopRegenerating } from "./dev-server.js";
import { setupEsbuild } from "./esbuild-setup.js";
import { hostOf } from "./hosts.js";
import { failsOnError, pluginOptionErrors, usableOptions, type CrdgenPluginOptions } from "./options.js";
import { CrdOutput } from "./output.js";
import { reportOf } from "./report.js";
import { CrdSession } from "../session.js";

export type { CrdgenPluginOptions } from "./options.js";

const NAME = "crdgen";

export const crdgen: UnpluginInstance<CrdgenPluginOptions, false> = createUnplugin<
  CrdgenPluginOptions,
  false
>((given, meta) => {
  // A config file is JavaScript: what it passes is checked, reported by every run, and never thrown.
  const refused = pluginOptionErrors(given);
  const options = usableOptions(given);
  // The session waits until the bundler's root is known, since relative entries and outDir are
  // read against it.
  let output: CrdOutput | undefined;
  const outputFor = (root: string): CrdOutput => {
    if (output) return output;
    const cwd = path.resolve(options.cwd ?? root);
    const session = new CrdSession({
      entries: options.entries,
      cwd,
      ...(options.outDir !== undefined ? { outDir: options.outDir } : {}),
      ...(options.tsconfig !== undefined ? { tsconfig: options.tsconfig } : {}),
      ...(options.format !== undefined ? { format: options.format } : {}),
      ...(options.maxDescriptionLength !== undefined
        ? { maxDescriptionLength: options.maxDescriptionLength }
        : {}),
    });
    const { outDir = "crds", failOnError: _, ...makes } = options;
    output = new CrdOutput(session, outDir, JSON.stringify({ ...makes, cwd }), refused);
    return output;
  };
  let root = meta.framework === "webpack" ? meta.webpack.compiler.context : process.cwd();
  let devServer = false;
  let stopRegenerating: StopRegenerating | undefined;
  // Made before any build starts, once the root is known (vite's in `configResolved`): other
  // instances writing to the same folder must know what this one makes before they tidy it.
  if (meta.framework !== "vite" && meta.framework !== "esbuild") outputFor(root);

  if (meta.framework === "esbuild") {
    return { name: NAME, esbuild: { setup: (build) => setupEsbuild(build, options, outputFor) } };
  }
  return {
    name: NAME,
    async buildStart() {
      const out = outputFor(root);
      const s = out.session;
      const host = hostOf(this);
      const outcome = await out.run();
      // Re-added on every build: rollup and webpack keep only the files the latest build named.
      for (const file of s.typeFiles()) this.addWatchFile(file);
      // A file created under a folder entry is a new entry.
      for (const folder of s.entryFolders()) host.watchFolder(folder);
      const report = reportOf(outcome, s.cwd, failsOnError(options, host.watchMode || devServer));
      if (report.warning !== undefined) host.warn(report.warning);
      if (report.error !== undefined) host.error(report.error);
    },
    // Only noted here: the rebuild this change triggers starts with `buildStart`, which
    // re-reads every file noted since the last run in one go.
    watchChange(id) {
      outputFor(root).session.markChanged(id);
    },
    // After the bundler emptied its output folder (it may hold the CRDs) and wrote the bundle.
    async writeBundle() {
      await output?.restore();
    },
    vite: {
      configResolved(config) {
        root = config.root;
        outputFor(root);
      },
      configureServer(server) {
        devServer = true;
        stopRegenerating = regenerateOnChange(server, () => outputFor(root), options.failOnError ?? false);
      },
      // The dev server's `close()` ends here (and a build's end, where nothing regenerates).
      async closeBundle() {
        await stopRegenerating?.();
      },
    },
  };
});
