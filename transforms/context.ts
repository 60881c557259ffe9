/** What a transform may do besides returning a schema: report located diagnostics. */
import { plainLocation, type Diagnostic, type SourceLocation } from "../src/diagnostics/diagnostic.js";
import { ORIGIN, type DraftSchema } from "../src/emit/draft.js";
import { tagWriting, type TagSource } from "../src/emit/keyword-origins.js";
import type { TransformMemo } from "./memo.js";
import type { FeatureCache, SchemaPath, WalkOptions } from "./walk.js";

export interface TransformContext {
  /** The CRD's root type name, to prefix paths in messages (`CronJob.spec.schedule`). */
  rootName: string;
  report(diagnostic: Diagnostic): void;
  /** User options that change output (CLI flags). */
  options?: TransformOptions;
  /** Results of earlier runs of the same session (watch mode), reused where still valid. */
  memo?: TransformMemo;
  /** Features of subtrees, shared by the steps of one run (see walk.ts). */
  features?: FeatureCache;
  /** What the schema was emitted from, to place a report about a keyword at the tag that wrote it. */
  source?: TagSource;
}

export interface TransformOptions {
  /** Cut descriptions longer than this (controller-gen's maxDescLen). */
  maxDescriptionLength?: number;
}

export interface Transform {
  /** File name without extension; also the name in docs. */
  name: string;
  run(schema: DraftSchema, ctx: TransformContext): DraftSchema;
}

/**
 * Reports an error or warning at the source location a schema node came from, or at `at` (the
 * tag that wrote a rule of the node, say) when given.
 */
export function reportAt(
  ctx: TransformContext,
  node: DraftSchema,
  path: SchemaPath,
  d: Omit<Diagnostic, "location" | "path">,
  at?: SourceLocation,
): void {
  const location = at ?? node[ORIGIN];
  // A property path as the user wrote the type: union branches are the schema's, not theirs.
  const property = path.replace(/(^|\.)(?:anyOf|oneOf|allOf)\[\d+\]/g, "");
  ctx.report({
    ...d,
    path: property ? `${ctx.rootName}.${property}` : ctx.rootName,
    ...(location ? { location: plainLocation(location) } : {}),
  });
}

/**
 * Reports a problem with `keyword` of a schema node at the tag that wrote it (`@maxLength 63`),
 * or at the node's source when no tag did (a known type's format) or none can be told.
 */
export function reportAtKeyword(
  ctx: TransformContext,
  node: DraftSchema,
  path: SchemaPath,
  keyword: string,
  d: Omit<Diagnostic, "location" | "path">,
): void {
  reportAt(ctx, node, path, d, ctx.source && tagWriting(ctx.source, path, keyword));
}

export function collectingContext(rootName = "Root"): TransformContext & { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return { rootName, diagnostics, report: (d) => void diagnostics.push(d) };
}

/** How transform `name`, acting on nodes with `acts` features, walks in this context. */
export function walkOptions(ctx: TransformContext, name: string, acts?: number): WalkOptions {
  return { memo: ctx.memo?.walk(name), acts, features: ctx.features };
}
