/**
 * The whole pipeline as one call: read -> emit -> transform -> validate -> render.
 * Nothing here touches the output directory; `writeOutput` does, and only when the
 * result has no errors.
 */
import path from "node:path";
import type { FileSystemHost } from "ts-morph";
import { codes } from "./diagnostics/codes.js";
import { optionErrors } from "./option-errors.js";
import { rejectionHint } from "./diagnostics/rejection-hints.js";
import { fieldPathOf, rejectedTag } from "./diagnostics/rejection-tags.js";
import { hasErrors, plainLocation, type Diagnostic } from "./diagnostics/diagnostic.js";
import { buildCrds, type EmittedCrd, type VersionInput } from "./emit/envelope.js";
import { emitDirect } from "./emit/direct.js";
import { envelopeOrigin } from "./emit/envelope-origins.js";
import type { DraftSchema } from "./emit/draft.js";
import { emitDefinitions, emitRoot } from "./emit/schema.js";
import { ruleErrorAt, RuleErrorsSeen } from "./emit/rule-origins.js";
import type { IrModel, IrRoot } from "./ir/model.js";
import {
  loadProgram,
  resolutionDiagnostics,
  semanticDiagnostics,
  type LoadedProgram,
} from "./read/program.js";
import type { ReadCache } from "./read/read-cache.js";
import type { RunCaches } from "./run-caches.js";
import { noRootsHint, readModel } from "./read/roots.js";
import { reportRootsOutsideEntries } from "./read/roots-outside-entries.js";
import { collectGarbageIfGrown, heapUsed } from "./runtime/collect-garbage.js";
import type { CustomResourceDefinition } from "./schema/types.js";
import { installSizeProblems } from "./validate/install-size.js";
import { formatFieldError, validateCrd, type ValidationMemo } from "./validate/index.js";
import { formatFieldErrorBody } from "./validate/format.js";
import { fileNameFor, renderCrdBytes, renderStream, type OutputFormat } from "./write/render.js";
import { bytesOf, renderedFile, writeAtomically, type OutputFile } from "./write/files.js";
import { Utf8Text } from "./write/utf8-text.js";
import { sortInSourceOrder } from "./diagnostics/source-order.js";
import { mergeRepeats, sameProblem } from "./diagnostics/repeats.js";
import { toUsersFields } from "./read/library-types.js";
import { originOf, runTransforms, type OriginIndex, type TransformOptions } from "../transforms/index.js";
import { splitSchemaPath } from "../transforms/origins.js";
import { markRunComplete } from "./runtime/code-cache.js";

export interface GenerateOptions {
  /** TypeScript files declaring `@crd` roots. */
  entries: string[];
  /** Base for relative paths; defaults to process.cwd(). */
  cwd?: string;
  /** tsconfig.json to use; by default the nearest one above the first entry. */
  tsconfig?: string;
  /** Output format; yaml by default. */
  format?: OutputFormat;
  /** Where files go (relative to cwd); `crds` by default. */
  outDir?: string;
  /** Report type errors in the user's files (as `tsc --noEmit` would); on by default. */
  typeCheck?: boolean;
  /** An in-memory file system instead of the disk. */
  fileSystem?: FileSystemHost;
  /** Cut descriptions longer than this after the last sentence end, else at a word boundary; 0 drops them (controller-gen's maxDescLen). */
  maxDescriptionLength?: number;
}

/**
 * What a run made. `ok` tells the two kinds apart, so that `if (result.ok)` narrows (and only a
 * successful result can be written): a failed run has no CRDs, files or stream, and its errors
 * are among its diagnostics.
 */
export type GenerateResult = GeneratedCrds | FailedGeneration;

export interface GeneratedCrds {
  ok: true;
  /** The generated CRDs. */
  crds: CustomResourceDefinition[];
  /** The files that would be written, with their contents. */
  files: OutputFile[];
  /** All CRDs as one stream (multi-document YAML or a JSON List). */
  stream: string;
  /** Warnings, if any. */
  diagnostics: Diagnostic[];
}

export interface FailedGeneration {
  ok: false;
  crds: [];
  files: [];
  stream: "";
  /** The errors that stopped the run, with any warnings. */
  diagnostics: Diagnostic[];
}

export function generate(options: GenerateOptions): GenerateResult {
  const refused = optionErrors(options);
  if (refused.length > 0) return failed(refused);
  const before = heapUsed();
  const stage = loadAndRead(options);
  // The program is out of reach from here on: give its memory back before the schemas are
  // built (a large program is half the heap; a small one is not worth a collection).
  collectGarbageIfGrown(before, LARGE_PROGRAM_BYTES);
  return stage.ok ? generateFromModel(stage.model, stage.diagnostics, options) : failed(stage.diagnostics);
}

/**
 * A 1,000-type program grows the heap by 60-70 MB: at 64 MB the collection ran in one run out
 * of five there, for 35-60 ms, and often freed little (V8 can still hold a checker's type from
 * a handle of its own at that moment). From 2,000 types (100 MB and more) it frees most of it.
 */
const LARGE_PROGRAM_BYTES = 96 * 1024 * 1024;

function loadAndRead(options: GenerateOptions): ReadStage {
  const loaded = loadProgram({
    entries: options.entries,
    cwd: options.cwd ?? process.cwd(),
    tsconfig: options.tsconfig,
    fileSystem: options.fileSystem,
  });
  return readProgram(loaded, options);
}

/**
 * The pipeline on an already loaded program (watch mode keeps one loaded). With `caches` (kept
 * by the caller between runs) unchanged work of earlier runs is reused, type checking included;
 * the result is the same as without.
 */
export function generateFromProgram(
  loaded: LoadedProgram,
  options: GenerateOptions,
  caches?: RunCaches,
): GenerateResult {
  const refused = optionErrors(options);
  if (refused.length > 0) return failed(refused);
  const stage = readProgram(loaded, options, caches);
  return stage.ok
    ? generateFromModel(stage.model, stage.diagnostics, options, caches)
    : failed(stage.diagnostics);
}

type ReadStage =
  { ok: true; model: IrModel; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Syntax and type errors, then the IR of the `@crd` roots. */
function readProgram(loaded: LoadedProgram, options: GenerateOptions, caches?: RunCaches): ReadStage {
  const diagnostics = [...loaded.diagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  if (options.typeCheck !== false)
    diagnostics.push(...(caches ? caches.typeCheck.diagnostics(loaded) : semanticDiagnostics(loaded)));
  // Without type checking a name TypeScript cannot find is still an error: it would read as `any`.
  else diagnostics.push(...(caches ? caches.resolution.diagnostics(loaded) : resolutionDiagnostics(loaded)));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const model = read(loaded, diagnostics, caches?.read);
  if (model.roots.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      severity: "error",
      code: codes.noRoots,
      message: `No CRD found: none of ${options.entries.join(", ")} exports a type tagged @crd.`,
      hint: noRootsHint(loaded.entries),
    });
  }
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, model, diagnostics };
}

/** IR -> schemas -> Kubernetes' checks -> rendered files. */
function generateFromModel(
  model: IrModel,
  diagnostics: Diagnostic[],
  options: GenerateOptions,
  caches?: RunCaches,
): GenerateResult {
  const cwd = options.cwd ?? process.cwd();
  const format = options.format ?? "yaml";
  const reported = diagnostics.length;
  const transformOptions =
    options.maxDescriptionLength !== undefined ? { maxDescriptionLength: options.maxDescriptionLength } : {};
  const emitted = emitAndTransform(model, diagnostics, transformOptions, caches);
  const ruleErrors = new RuleErrorsSeen();
  if (!hasErrors(diagnostics))
    for (const e of emitted) diagnostics.push(...validateGenerated(e, ruleErrors, model, caches?.validation));
  // Transforms and validation go CRD by CRD, field by field: a package's line moved to the user's
  // field that uses it, one problem at one place once, in the files' order, as reading reports.
  toUsersFields(diagnostics, reported, model);
  mergeRepeats(diagnostics, reported);
  sortInSourceOrder(diagnostics, reported);
  if (hasErrors(diagnostics)) return failed(diagnostics);
  for (const e of emitted) diagnostics.push(...installWarnings(e, caches?.validation));
  const crds = emitted.map((e) => e.crd);

  const outDir = path.resolve(cwd, options.outDir ?? "crds");
  const files = crds.map((crd) =>
    renderedFile(path.join(outDir, fileNameFor(crd, format)), renderCrdBytes(crd, format, caches?.render)),
  );
  // A YAML stream is the files' documents one after another: render each CRD once. Made when
  // asked for, as the files' contents are: the command line writes the bytes (streamBytes).
  let stream: Utf8Text | undefined;
  const streamText = (): Utf8Text =>
    (stream ??=
      format === "yaml" ? Utf8Text.concat(files.map(bytesOf)) : Utf8Text.of(renderStream(crds, format)));
  const result: GeneratedCrds = {
    crds,
    files,
    get stream(): string {
      return streamText().toString();
    },
    set stream(value: string) {
      stream = Utf8Text.of(value);
    },
    diagnostics,
    ok: true,
  };
  streams.set(result, streamText);
  // Every stage ran: what this process compiled is what the next run needs (code-cache.ts).
  // Without type checking, TypeScript's checks were not compiled, which most runs make.
  if (options.typeCheck !== false) markRunComplete();
  return result;
}

const streams = new WeakMap<GeneratedCrds, () => Utf8Text>();

/** A result's `stream` as UTF-8 bytes, without making the string when generate() made the result. */
export function streamBytes(result: GeneratedCrds): Utf8Text {
  return streams.get(result)?.() ?? Utf8Text.of(result.stream);
}

/** Writes a successful result's files atomically; refuses a result with errors. */
export async function writeOutput(result: GeneratedCrds): Promise<void> {
  // A JavaScript caller has no type checker to stop it passing a failed result.
  if (!result.ok) throw new Error("refusing to write output of a failed generation");
  await writeAtomically(result.files);
}

export function read(loaded: LoadedProgram, diagnostics: Diagnostic[], cache?: ReadCache): IrModel {
  cache?.begin(loaded.program);
  const model = readModel(loaded.entries, loaded.checker, diagnostics, cache);
  reportRootsOutsideEntries(loaded.program, loaded.entries, loaded.checker, diagnostics);
  return model;
}

export function emitAndTransform(
  model: IrModel,
  diagnostics: Diagnostic[],
  options: TransformOptions = {},
  caches?: RunCaches,
): EmittedCrd[] {
  let definitions: Record<string, DraftSchema> | undefined;
  const staged = (root: IrRoot, report: (d: Diagnostic) => void) => {
    definitions ??= emitDefinitions(model, caches?.drafts);
    return runTransforms(
      emitRoot(root, definitions),
      { rootName: root.typeName, report, options, source: { root, definitions: model.definitions } },
      caches?.transforms,
    );
  };
  const inputs: VersionInput[] = model.roots.map((root) => {
    // A one-shot run first tries the single pass (emit/direct.ts); a watch session keeps the
    // stage, whose caches make a rebuild after an edit cheaper still.
    const schema = caches ? undefined : emitDirect(root, model, options);
    if (schema === undefined) return { root, ...staged(root, (d) => void diagnostics.push(d)) };
    // Where nodes were written is asked only to place a validation error: then the stage is
    // run for it (it reports nothing here: the single pass gave up wherever it would).
    let origins: OriginIndex | undefined;
    const index: OriginIndex = {
      get annotated() {
        return (origins ??= staged(root, () => undefined).origins).annotated;
      },
    };
    return { root, schema, origins: index };
  });
  return buildCrds(inputs, diagnostics);
}

/**
 * Kubernetes' own create-time rules: a CRD that fails them would be rejected by the API
 * server. Each error points at the TypeScript that produced the offending schema node; an
 * error in a CEL rule, at the tag that wrote the rule, once however often its type is used;
 * one about a keyword a tag wrote, at that tag (src/diagnostics/rejection-tags.ts); an error
 * outside the schemas, at the root tag that set the field (else at the root).
 */
function validateGenerated(
  { crd, versions }: EmittedCrd,
  ruleErrors: RuleErrorsSeen,
  { definitions }: IrModel,
  memo?: ValidationMemo,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const e of validateCrd(crd, undefined, memo)) {
    const { version, schemaPath } = splitSchemaPath(e.field);
    const input = versions[version] ?? versions[0]!;
    const origins = schemaPath !== undefined ? input.origins : undefined;
    const rule = origins && ruleErrorAt(origins.annotated, schemaPath!);
    if (rule && !ruleErrors.first(rule, `${e.type}|${e.detail}`)) continue;
    const tagged = schemaPath === undefined ? envelopeOrigin(e, versions) : undefined;
    const root = tagged?.root ?? input.root;
    const tag = rule ? undefined : rejectedTag(e, crd, { root: input.root, definitions });
    const location =
      rule?.origin ?? tag ?? (origins && originOf(origins, schemaPath!)) ?? tagged?.origin ?? root.origin;
    const hint = rejectionHint(e, crd);
    const diagnostic: Diagnostic = {
      severity: "error",
      code: codes.invalidCrd,
      message: `Kubernetes would reject the generated CRD ${crd.metadata.name ?? ""}: ${formatFieldError(e)}`,
      location: plainLocation(location),
      path: root.typeName,
      ...(hint ? { hint } : {}),
    };
    // A tag's keyword is refused wherever the tag's type is used: one error at the tag.
    if (tag) {
      const field = fieldPathOf(schemaPath ?? "");
      sameProblem(
        diagnostic,
        formatFieldErrorBody(e),
        field === "" ? root.typeName : `${root.typeName}.${field}`,
      );
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * What Kubernetes' rules accept but installing it would not: a CRD too large for the API server
 * or etcd to store, or for client-side `kubectl apply`.
 */
function installWarnings({ crd, versions }: EmittedCrd, memo?: ValidationMemo): Diagnostic[] {
  const { storage, clientSideApply } = installSizeProblems(crd, memo);
  const root = versions[0]!.root;
  const warning = (code: string, problem: string): Diagnostic => ({
    severity: "warning",
    code,
    message: `The generated CRD ${crd.metadata.name ?? ""} is ${problem}`,
    location: root.origin,
    path: root.typeName,
    hint: "descriptions are often most of a large CRD: --max-description-length shortens them",
  });
  return [
    ...(storage ? [warning(codes.tooLargeToStore, storage)] : []),
    ...(clientSideApply ? [warning(codes.tooLargeForClientSideApply, clientSideApply)] : []),
  ];
}

export function failed(diagnostics: Diagnostic[]): FailedGeneration {
  return { crds: [], files: [], stream: "", diagnostics, ok: false };
}
