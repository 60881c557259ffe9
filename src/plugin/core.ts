/**
 * crdgen as a build step: one unplugin factory behind `crdgen/vite`, `crdgen/rollup`,
 * `crdgen/esbuild` and `crdgen/webpack`. Each build (and each watch-mode rebuild) starts by
 * regenerating the CRDs from the types; the type files are put on the bundler's watch list,
 * so editing one rebuilds even though the app's bundle never imports it.
 */
import path from "node:path";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { regenerateOnChange } from "./dev-server.js";
import { setupEsbuild } from "./esbuild-setup.js";
import { hostOf } from "./hosts.js";
import { failsOnError, type CrdgenPluginOptions } from "./options.js";
import { reportOf } from "./report.js";
import { CrdSession } from "../session.js";

export type { CrdgenPluginOptions } from "./options.js";

const NAME = "crdgen";

export const crdgen: UnpluginInstance<CrdgenPluginOptions, false> = createUnplugin<
  CrdgenPluginOptions,
  false
>((options, meta) => {
  // The session waits for the first hook that knows the bundler's root, since relative
  // entries and outDir are read against it.
  let session: CrdSession | undefined;
  const sessionFor = (root: string): CrdSession => {
    session ??= new CrdSession({
      entries: options.entries,
      cwd: path.resolve(options.cwd ?? root),
      ...(options.outDir !== undefined ? { outDir: options.outDir } : {}),
      ...(options.tsconfig !== undefined ? { tsconfig: options.tsconfig } : {}),
      ...(options.format !== undefined ? { format: options.format } : {}),
      ...(options.maxDescriptionLength !== undefined
        ? { maxDescriptionLength: options.maxDescriptionLength }
        : {}),
    });
    return session;
  };
  let root = meta.framework === "webpack" ? meta.webpack.compiler.context : process.cwd();
  let devServer = false;

  if (meta.framework === "esbuild") {
    return { name: NAME, esbuild: { setup: (build) => setupEsbuild(build, options, sessionFor) } };
  }
  return {
    name: NAME,
    async buildStart() {
      const s = sessionFor(root);
      const host = hostOf(this);
      const outcome = await s.run();
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
      sessionFor(root).markChanged(id);
    },
    vite: {
      configResolved(config) {
        root = config.root;
      },
      configureServer(server) {
        devServer = true;
        regenerateOnChange(server, () => sessionFor(root), options.failOnError ?? false);
      },
    },
  };
});
