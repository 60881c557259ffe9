/**
 * A full garbage collection on request. V8 grows the heap rather than collect while it has
 * room, so after a large program has been read (and dropped) its memory would stay in the
 * process while the schemas are built on top of it: at 5,000 types that was a third of the
 * peak RSS. Node exposes `gc` only with --expose-gc; setting that flag at run time makes
 * new contexts get it, and a function from such a context collects the whole heap.
 */
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | undefined;
let looked = false;

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
  if (!looked) {
    looked = true;
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as () => void;
    } catch {
      gc = undefined;
    }
  }
  gc?.();
}
