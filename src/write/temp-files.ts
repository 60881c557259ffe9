/**
 * The temporary files of writes in progress, removed when the process is ended in the middle of
 * one (Ctrl-C, a `kill`, a tool that stops its children with SIGTERM, a `process.exit` elsewhere):
 * the CRDs stay as they were, with no `*.tmp` file left beside them.
 */
import { rmSync } from "node:fs";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type Signal = (typeof SIGNALS)[number];

const live = new Set<string>();

/**
 * A signal that nobody else handles would end the process at once: remove the temporary files
 * first, then end it as the signal would have. When another handler is there (watch mode's, which
 * lets the write finish before it stops), the signal is theirs and the files are left to the write.
 */
function onSignal(signal: Signal): void {
  if (process.listenerCount(signal) > 1) return;
  removeLive();
  release();
  process.kill(process.pid, signal);
}

function removeLive(): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
}

const handlers = new Map(SIGNALS.map((signal) => [signal, () => onSignal(signal)]));

/** First in line, so that it sees the other handlers before a `once` handler removes itself. */
function hold(): void {
  for (const [signal, handler] of handlers) process.prependListener(signal, handler);
  process.on("exit", removeLive);
}

function release(): void {
  for (const [signal, handler] of handlers) process.off(signal, handler);
  process.off("exit", removeLive);
}

/** Notes a temporary file about to be written; `settled` once it was renamed into place or removed. */
export function tracked(file: string): void {
  if (live.size === 0) hold();
  live.add(file);
}

export function settled(file: string): void {
  if (!live.delete(file)) return;
  if (live.size === 0) release();
}
