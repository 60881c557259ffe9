/**
 * The vite dev server never rebuilds, so `buildStart` runs once: here its file watcher drives
 * regeneration instead, and problems go to vite's logger (a broken type must not stop the
 * server; the next save is picked up).
 */
import path from "node:path";
import type { ViteDevServer } from "vite";
import type { CrdOutput } from "./output.js";
import { reportOf } from "./report.js";

/** How long chokidar (vite's watcher) swallows repeated change events of one file. */
const WATCHER_THROTTLE_MS = 50;

/** Stops regenerating; resolves once a regeneration still going has written and logged. */
export type StopRegenerating = () => Promise<void>;

/** `fail` only picks the log level: an error is logged as one, never thrown. */
export function regenerateOnChange(
  server: ViteDevServer,
  output: () => CrdOutput,
  fail: boolean,
): StopRegenerating {
  const { logger } = server.config;
  let stopped = false;
  const going = new Set<Promise<void>>();
  const regenerate = () => {
    if (stopped) return;
    const run = regenerateOnce().finally(() => going.delete(run));
    going.add(run);
  };
  const regenerateOnce = async () => {
    const out = output();
    const s = out.session;
    try {
      const wasFailing = out.lastRunFailed;
      const outcome = await out.run();
      // Files the edit newly imports join the watch list; vite ignores ones it already has.
      server.watcher.add(s.typeFiles());
      const report = reportOf(outcome, s.cwd, fail);
      if (report.error !== undefined) logger.error(report.error, { timestamp: true });
      if (report.warning !== undefined) logger.warn(report.warning, { timestamp: true });
      for (const file of outcome.written)
        logger.info(`crdgen: wrote ${path.relative(s.cwd, file)}`, { timestamp: true });
      for (const file of outcome.removed)
        logger.info(`crdgen: removed ${path.relative(s.cwd, file)}`, { timestamp: true });
      // The log's last crdgen line was an error: without this, a fix that leaves every CRD as it
      // was (an edit undone) is silent, and the error looks current.
      const quiet = outcome.written.length === 0 && outcome.removed.length === 0;
      if (wasFailing && outcome.result.ok && quiet)
        logger.info("crdgen: fixed; the CRDs on disk are up to date", { timestamp: true });
    } catch (e) {
      logger.error(`crdgen: ${e instanceof Error ? e.message : String(e)}`, { timestamp: true });
    }
  };
  let trailing: NodeJS.Timeout | undefined;
  const onEvent = (file: string) => {
    const s = output().session;
    if (!s.isTypeFile(file)) return;
    s.markChanged(file);
    regenerate();
    // vite's watcher drops a file's further change events for 50 ms after one it reports, so
    // a quick second save is never announced: look at the files once that window has passed.
    clearTimeout(trailing);
    trailing = setTimeout(() => output().changedSinceRun() && regenerate(), WATCHER_THROTTLE_MS + 20);
    trailing.unref();
  };
  server.watcher.on("change", onEvent);
  server.watcher.on("add", onEvent);
  server.watcher.on("unlink", onEvent);
  // A closed server must leave its output folder alone: a test or a restart may remove or reuse it.
  return async () => {
    stopped = true;
    clearTimeout(trailing);
    await Promise.all(going);
  };
}
