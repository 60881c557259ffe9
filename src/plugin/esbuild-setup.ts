/**
 * crdgen on esbuild's own plugin API. unplugin's common hooks do not fit esbuild here: its
 * `buildStart` cannot add watch files nor return located problems, and esbuild has no
 * `watchChange`. So the run happens in `onStart` (whose result carries errors and warnings
 * esbuild prints and fails on), and the type files are handed to esbuild's watcher through
 * the entry points' resolution, the one place esbuild accepts extra `watchFiles` for a build.
 */
import type { OnResolveArgs, OnResolveResult, PluginBuild } from "esbuild";
import { folderTree } from "./folder-tree.js";
import { failsOnError, type CrdgenPluginOptions } from "./options.js";
import type { CrdOutput } from "./output.js";
import { esbuildMessages } from "./esbuild-messages.js";
import type { PluginOutcome } from "./run.js";

/** Marks crdgen's own `build.resolve` call, so its onResolve does not answer itself. */
const RESOLVING = Symbol("crdgen resolving");

export function setupEsbuild(
  build: PluginBuild,
  options: CrdgenPluginOptions,
  outputFor: (root: string) => CrdOutput,
): void {
  const output = outputFor(build.initialOptions.absWorkingDir ?? process.cwd());
  const { session } = output;
  // esbuild cannot tell a plugin whether it is watching, and keeps watching after a failed
  // build anyway: failing is right unless the user opted out.
  const fail = failsOnError(options, false);
  let current: Promise<PluginOutcome> | undefined;

  const messagesOf = (outcome: PluginOutcome) => esbuildMessages(outcome, session.cwd, fail);

  build.onStart(async () => {
    current = output.run();
    return messagesOf(await current);
  });

  // esbuild takes the state of the watched files when the build ends: a type file saved after
  // crdgen read it but before then would never count as a change. Catch up with it here.
  build.onEnd(async () => (output.changedSinceRun() ? messagesOf(await output.run()) : undefined));

  const entries = entryPointsOf(build.initialOptions.entryPoints);
  if (entries.length === 0) return;
  build.onResolve({ filter: exactly(entries) }, async (args): Promise<OnResolveResult | undefined> => {
    if (args.kind !== "entry-point" || args.pluginData === RESOLVING) return undefined;
    // esbuild may resolve entries while onStart still runs; the file list comes from that run.
    await current;
    const resolved = await resolveAsEsbuildWould(build, args);
    if (resolved.path === undefined) return resolved;
    // A file created under a folder entry is a new entry: folder listings are watched too.
    return { ...resolved, watchFiles: session.typeFiles(), watchDirs: folderTree(session.entryFolders()) };
  });
}

async function resolveAsEsbuildWould(build: PluginBuild, args: OnResolveArgs): Promise<OnResolveResult> {
  const r = await build.resolve(args.path, {
    kind: args.kind,
    resolveDir: args.resolveDir,
    pluginData: RESOLVING,
  });
  if (r.errors.length > 0) return { errors: r.errors, warnings: r.warnings };
  return {
    path: r.path,
    namespace: r.namespace,
    external: r.external,
    sideEffects: r.sideEffects,
    suffix: r.suffix,
    pluginData: r.pluginData,
    warnings: r.warnings,
  };
}

/** The entry paths as written in the options, whichever of esbuild's three shapes they use. */
function entryPointsOf(entryPoints: PluginBuild["initialOptions"]["entryPoints"]): string[] {
  if (!entryPoints) return [];
  if (!Array.isArray(entryPoints)) return Object.values(entryPoints);
  return entryPoints.map((e) => (typeof e === "string" ? e : e.in));
}

/** Matches these entry paths; esbuild hands relative entries to plugins with a `./` prefix, with or without it in the options. */
function exactly(paths: readonly string[]): RegExp {
  const escaped = paths.map((p) => p.replace(/^\.\//, "").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^(?:\\./)?(?:${escaped.join("|")})$`);
}
