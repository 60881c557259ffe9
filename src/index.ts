/**
 * crdgen's programmatic API. Each pipeline stage is usable on its own:
 * read (TypeScript -> IR), emit (IR -> draft schema + envelope), transform (draft ->
 * structural schema), validate (Kubernetes' rules), write (deterministic YAML/JSON).
 */
export { generate, writeOutput, read, emitAndTransform } from "./generate.js";
export type { GenerateOptions, GenerateResult } from "./generate.js";
export { loadProgram } from "./read/program.js";
export { readModel } from "./read/roots.js";
export { emitDefinitions, emitRoot } from "./emit/schema.js";
export { buildCrds } from "./emit/envelope.js";
export { runTransforms, schemaTransforms } from "../transforms/index.js";
export { validateCrd, formatFieldError } from "./validate/index.js";
export { renderCrd, renderStream, fileNameFor } from "./write/render.js";
export type { OutputFormat } from "./write/render.js";
export { formatDiagnostic, formatDiagnostics } from "./diagnostics/format.js";
export type { Diagnostic, SourceLocation } from "./diagnostics/diagnostic.js";
export type * from "./schema/types.js";
export type * from "./ir/model.js";
export type { int32, int64, integer } from "./known-types.js";
