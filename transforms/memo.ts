/**
 * What the transform stage keeps between the runs of one watch session: inlined bodies of named
 * types (inline-refs) and each schema transform's results on unchanged subtrees (walk.ts). An
 * edit then costs the transforms the nodes on the way from the edited types to the root.
 */
import type { DraftSchema } from "../src/emit/draft.js";
import type { FinalizeMemo } from "./finalize.js";
import type { InlineMemo } from "./inline-refs.js";
import type { MemoEntry, WalkMemo } from "./walk.js";

export class TransformMemo {
  readonly inline: InlineMemo = new Map();
  /** finalize's output by input node. */
  readonly finalized: FinalizeMemo = new WeakMap();
  /** Subtree features of nodes (see walk.ts), kept with the nodes they describe. */
  readonly features = new WeakMap<DraftSchema, number>();
  private readonly walks = new Map<string, WalkMemo>();
  /** Diagnostics reported through contexts carrying this memo (see runTransforms). */
  reports = 0;

  walk(name: string): WalkMemo {
    let memo = this.walks.get(name);
    if (!memo) {
      memo = {
        results: new WeakMap<DraftSchema, MemoEntry>(),
        reported: () => this.reports,
      };
      this.walks.set(name, memo);
    }
    return memo;
  }
}
