/**
 * crdgen's programmatic API. Each pipeline stage is usable on its own:
 * read (TypeScript -> IR), emit (IR -> draft schema + envelope), transform (draft ->
 * structural schema), validate (Kubernetes' rules), write (deterministic YAML/JSON).
 */
export { generate, generateFromProgram, writeOutput, read, emitAndTransform } from "./generate.js";
export { checkStale } from "./stale.js";
export type { StaleFile, StaleReport, StaleStatus } from "./stale.js";
export { diffCrds } from "./diff/index.js";
export type { CrdChange, ChangeKind, DocumentLocation } from "./diff/index.js";
export type { GenerateOptions, GenerateResult, GeneratedCrds, FailedGeneration } from "./generate.js";
export type { OutputFile } from "./write/files.js";
export { loadProgram } from "./read/program.js";
export type { LoadOptions, LoadedProgram } from "./read/program.js";
export { readModel } from "./read/roots.js";
export { emitDefinitions, emitRoot } from "./emit/schema.js";
export type { DraftCache } from "./emit/schema.js";
export type { DraftDocument, DraftSchema } from "./emit/draft.js";
export { buildCrds } from "./emit/envelope.js";
export type { EmittedCrd, VersionInput } from "./emit/envelope.js";
export { runTransforms, schemaTransforms } from "../transforms/index.js";
export type { TransformResult } from "../transforms/index.js";
export type { Transform, TransformContext, TransformOptions } from "../transforms/context.js";
// The caches a CrdSession keeps between runs; the stage functions take their parts.
export type { RunCaches } from "./run-caches.js";
export { CrdSession } from "./session.js";
export type { RunOutcome, SessionOptions } from "./session.js";
export type { ReadCache } from "./read/read-cache.js";
export type { TransformMemo } from "../transforms/memo.js";
export {
  validateCrd,
  validateSchema,
  formatFieldError,
  V1_CREATE_OPTIONS,
  ValidationMemo,
} from "./validate/index.js";
export type {
  ConvertedSubtree,
  DecodedSubtree,
  FieldError,
  FieldErrorType,
  SchemaContext,
  ValidationOptions,
} from "./validate/index.js";
export { validateInstance } from "./validate/instance/index.js";
export type { InstanceValidationResult } from "./validate/instance/index.js";
export { renderCrd, renderStream, fileNameFor } from "./write/render.js";
export type { OutputFormat, RenderCache } from "./write/render.js";
export { formatDiagnostic, formatDiagnostics } from "./diagnostics/format.js";
export type { FormatOptions } from "./diagnostics/format.js";
export type { Diagnostic, Severity, SourceLocation } from "./diagnostics/diagnostic.js";
export type * from "./schema/types.js";
export type * from "./ir/model.js";
export type * from "./known-types.js";
