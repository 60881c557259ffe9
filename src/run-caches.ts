/**
 * What a long-lived session (watch mode, the build plugins) keeps from one run to the next, so
 * that a rebuild after an edit redoes only the work the edit can have changed. Each stage's cache
 * knows what its results depend on; a fresh instance makes a run exactly a cold run.
 */
import type { DraftCache } from "./emit/schema.js";
import { IncrementalCheck } from "./read/incremental-check.js";
import { checkFileResolution } from "./read/program.js";
import { ReadCache } from "./read/read-cache.js";
import { newRenderCache, type RenderCache } from "./write/render.js";
import { TransformMemo } from "../transforms/memo.js";
import { ValidationMemo } from "./validate/memo.js";

export class RunCaches {
  /** Each file's type errors, checked again only where an edit can have changed them. */
  readonly typeCheck = new IncrementalCheck();
  /** Without type checking: each file's unresolved names and modules, found again only where an edit can have changed them. */
  readonly resolution = new IncrementalCheck(checkFileResolution);
  /** The IR of named interfaces, by declaration (read/read-cache.ts). */
  readonly read = new ReadCache();
  /** Drafts of definitions, by name (emit/schema.ts). */
  readonly drafts: DraftCache = new Map();
  /** Inlined named types and transform results on unchanged subtrees (transforms/memo.ts). */
  readonly transforms = new TransformMemo();
  /** Canonical nodes and YAML lines of unchanged schema parts (write/render.ts). */
  readonly render: RenderCache = newRenderCache();
  /** Decoding, structural form and JSON size of unchanged schema parts (validate/memo.ts). */
  readonly validation = new ValidationMemo();
}
