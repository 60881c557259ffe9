/**
 * Garbage collection on request. V8 grows the heap rather than collect while it has room, so
 * after a large program has been read (and dropped) its memory would stay in the process while
 * the schemas are built on top of it: at 5,000 types that was a third of the peak RSS. And a
 * long-lived session's rebuild is quicker when it starts with an empty young generation (below).
 *
 * Node exposes `gc` only with --expose-gc. Setting that flag at run time makes new contexts get
 * it, and a function from such a context collects in this one's heap. The flag is unset again at
 * once: V8 stamps the flags into the code it caches, and code-cache.ts saves its cache at exit,
 * which every later run (without the flag) would then reject.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Collect = (options?: { type?: "major" | "minor" }) => void;

let collect: Collect | undefined;
let looked = false;

function collector(): Collect | undefined {
  if (looked) return collect;
  looked = true;
  // Started with --expose-gc: the flag is the user's, and stays.
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return (collect = own as Collect);
  try {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as Collect;
  } catch {
    collect = undefined;
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
  return collect;
}

/** The heap in use now, to compare with later. */
export function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

/**
 * Collects garbage now when the heap grew by more than `thresholdBytes` since `baseline` (what
 * the caller allocated, and has just dropped, is worth a pause); a no-op otherwise.
 */
export function collectGarbageIfGrown(baseline: number, thresholdBytes: number): void {
  if (heapUsed() - baseline < thresholdBytes) return;
  collector()?.();
}

let youngCollection: NodeJS.Timeout | undefined;

/**
 * Empties the young generation once the caller's current work is done (a timer, which keeps no
 * process alive). A session's rebuild allocates about as much as the young generation holds:
 * started on a full one, it stopped for a scavenge that copied its own live objects (10-30 ms at
 * 1,000 types); started on an empty one, it mostly runs through. A scavenge between edits, while
 * nobody waits, costs 5-10 ms of the young generation's survivors. Not a full collection: after
 * one, the next rebuilds ran about 1.5 times as long.
 */
export function collectYoungGarbageSoon(): void {
  if (youngCollection) return;
  youngCollection = setTimeout(() => {
    youngCollection = undefined;
    collector()?.({ type: "minor" });
  }, 0);
  youngCollection.unref();
}
