/**
 * How each bundler is told about crdgen's problems from `buildStart`, and whether it is
 * watching. unplugin types `buildStart`'s `this` as the subset all bundlers share, which has
 * no `error`/`warn`; the bundler's own context behind it does.
 */
import type { UnpluginBuildContext } from "unplugin";

export interface BuildHost {
  /** A watch-mode rebuild or a dev server, where a failed run should not stop the bundler. */
  readonly watchMode: boolean;
  /** Fails the build with this text (rollup's `this.error` throws, so nothing after it runs). */
  error(text: string): void;
  warn(text: string): void;
  /** Rebuilds when a file is created anywhere under `dir`. */
  watchFolder(dir: string): void;
}

/** The part of rollup's (and rolldown's, hence vite's) plugin context used here. */
interface RollupLikeContext {
  meta: { watchMode: boolean };
  error(error: Error): never;
  warn(message: string): void;
}

export function hostOf(context: UnpluginBuildContext): BuildHost {
  const native = context.getNativeBuildContext?.();
  if (native?.framework === "webpack" && native.compilation) {
    const { compiler, compilation } = native;
    // Pushed, not thrown: a thrown error stops webpack's watcher, a compilation error does not.
    const problem = (text: string) => {
      const error = new compiler.webpack.WebpackError(text);
      error.hideStack = true;
      return error;
    };
    return {
      watchMode: compiler.watchMode,
      error: (text) => void compilation.errors.push(problem(text)),
      warn: (text) => void compilation.warnings.push(problem(text)),
      // A file dependency that is a folder sees no file created in it; a context dependency does.
      watchFolder: (dir) => void compilation.contextDependencies.add(dir),
    };
  }
  if (isRollupLike(context)) {
    return {
      watchMode: context.meta.watchMode,
      error: (text) => context.error(stacklessError(text)),
      warn: (text) => context.warn(text),
      // rollup's watcher (chokidar) looks into a watched folder.
      watchFolder: (dir) => context.addWatchFile(dir),
    };
  }
  // A bundler unplugin adds later: failing loudly beats a silently stale CRD.
  return {
    watchMode: false,
    error: (text) => {
      throw stacklessError(text);
    },
    warn: (text) => console.warn(text),
    watchFolder: (dir) => context.addWatchFile(dir),
  };
}

/**
 * The error crdgen fails a build with. Its text is the whole story (file:line:column, code
 * frames), so it carries no stack: rollup, rolldown and vite print an error's stack below its
 * message, and frames of crdgen's plugin code read as a crash in crdgen.
 */
function stacklessError(text: string): Error {
  const error = new Error(text);
  error.stack = "";
  return error;
}

function isRollupLike(context: object): context is RollupLikeContext {
  const meta: unknown = "meta" in context ? context.meta : undefined;
  return (
    "error" in context &&
    typeof context.error === "function" &&
    "warn" in context &&
    typeof context.warn === "function" &&
    typeof meta === "object" &&
    meta !== null &&
    "watchMode" in meta &&
    typeof meta.watchMode === "boolean"
  );
}
