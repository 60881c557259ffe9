/**
 * Multi-document YAML loading that keeps source positions, so every later error
 * can point at `file:line:column`. YAML 1.2 core schema, as Kubernetes' newer clients
 * read it; `yaml11.ts` warns where YAML 1.1 readers (kubectl) would disagree.
 *
 * Two readers give the same values: crdgen's block-YAML reader for streams in the subset
 * Kubernetes tooling writes (nearly all files, about five times faster), and the `yaml`
 * package, whose syntax tree has the positions and whose messages word syntax errors. A
 * document read the fast way builds that tree on the first position asked of it.
 */
import { readBlockYaml } from "./block-reader.js";
import { duplicateKeyMessage } from "./duplicate-keys.js";
import { entryOf, hasMergeKeys, isMergeKey, MergeKeyError, toJsWithMerges } from "./merge-keys.js";
import { firstTooDeep, tooDeepMessage } from "./nesting.js";
import { yaml11Differences, type Yaml11Difference } from "./yaml11.js";
import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isSeq,
  isScalar,
  visit,
  type Document,
  type Node,
} from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
  /** Where the node found ends (1-based, just past its last character), when a whole one was. */
  endLine?: number;
  endColumn?: number;
}

/**
 * The `yaml` package's syntax tree of a whole stream, built on first use: positions need it
 * (and the YAML 1.1 walk of streams outside the block subset), and it costs more than ten
 * times the block reader's pass.
 */
class YamlStream {
  #parsed: ParsedStream | undefined;
  constructor(readonly text: string) {}

  get parsed(): ParsedStream {
    this.#parsed ??= parseWithPositions(this.text);
    return this.#parsed;
  }
}

/** One document of a stream: its value now, its syntax tree (positions) when asked. */
export class YamlDocument {
  constructor(
    readonly file: string,
    /** 0-based index of the document in its stream. */
    readonly index: number,
    readonly value: unknown,
    private readonly stream: YamlStream,
    /** Where the value starts, when known without the syntax tree (the block reader's documents). */
    private readonly knownStart?: () => SourcePosition,
  ) {}

  /** Where the document's value starts (its first key or item): a point, a whole document being too much to underline. */
  start(): SourcePosition {
    if (this.knownStart) return this.knownStart();
    const { line, column } = positionInTree(this, []);
    return { line, column };
  }

  get doc(): Document.Parsed {
    const doc = this.stream.parsed.docs[this.index];
    if (!doc) throw new Error(`document ${this.index} of ${this.file} is missing when re-read`);
    return doc;
  }

  get lineCounter(): LineCounter {
    return this.stream.parsed.lineCounter;
  }

  /** The text of the document's stream. */
  get text(): string {
    return this.stream.text;
  }
}

export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  /** Where the text the parser faults ends, when it names a span (1-based, just past it). */
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface YamlLoadResult {
  documents: YamlDocument[];
  errors: YamlProblem[];
  /** Plain scalars of the documents that YAML 1.1 readers (kubectl) read differently. */
  yaml11Differences: () => Yaml11Difference[];
  /**
   * True when the text is known to hold no control character but tab and line breaks, no C1
   * control, byte-order mark or non-character (the block reader read it: see block-reader.ts).
   */
  plainCharacters?: true;
}

/** Parses every document of `text`; empty and `null` documents are skipped, as kubectl skips them. */
export function parseYamlDocuments(text: string, file: string): YamlLoadResult {
  const stream = new YamlStream(text);
  const quick = readBlockYaml(text);
  // The block reader reads `<<` as a key: kubectl merges it, which the full parse does.
  if (!quick || quick.yaml11.some((d) => d.yaml11Value === "merge")) return fullParse(file, stream);
  return {
    documents: quick.values.map(
      (v, i) => new YamlDocument(file, quick.indices[i]!, v, stream, () => quick.startOf(i)),
    ),
    errors: [],
    yaml11Differences: () => quick.yaml11,
    plainCharacters: true,
  };
}

function fullParse(file: string, stream: YamlStream): YamlLoadResult {
  const { docs, lineCounter, tooDeepAt } = stream.parsed;
  const documents: YamlDocument[] = [];
  const errors: YamlProblem[] = [];
  if (tooDeepAt !== undefined) {
    const pos = lineCounter.linePos(tooDeepAt);
    errors.push({ file, line: pos.line, column: pos.col, message: tooDeepMessage() });
  }
  docs.forEach((doc, index) => {
    for (const err of doc.errors) {
      const duplicate =
        err.code === "DUPLICATE_KEY" ? duplicateKeyMessage(doc, err.pos[0], lineCounter) : undefined;
      errors.push({
        file,
        ...spanIn(stream.text, lineCounter, err.pos[0], err.pos[1]),
        message: duplicate ?? err.message.split("\n")[0] ?? err.message,
      });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
      // kubectl merges `<<` keys (YAML 1.1): the value is what it sends. The block reader leaves
      // every stream with one to this parse.
      if (hasMergeKeys(doc)) value = toJsWithMerges(doc);
    } catch (e) {
      // Unresolvable aliases and alias bombs only surface when the document is converted.
      const alias = e instanceof MergeKeyError ? undefined : aliasAtFault(doc);
      const [start, end] =
        e instanceof MergeKeyError ? [e.offset, e.offset] : (alias ?? [doc.range[0], doc.range[0]]);
      errors.push({
        file,
        ...spanIn(stream.text, lineCounter, start, end),
        message: (e as Error).message.split("\n")[0] ?? String(e),
      });
      return;
    }
    // A document of only comments, `---` with nothing after it, or `null`: kubectl skips each (its
    // JSON is `null`), and a trailing `---` is in nearly every hand-written or rendered stream.
    if (value === null) return;
    documents.push(new YamlDocument(file, index, value, stream));
  });
  return {
    documents,
    errors,
    yaml11Differences: () => documents.flatMap((d) => yaml11Differences(d.doc, d.lineCounter)),
  };
}

/** Where the first alias that names no anchor is, else the first alias (an alias bomb's first use): its start and end. */
function aliasAtFault(doc: Document.Parsed): [number, number] | undefined {
  let first: [number, number] | undefined;
  let unresolved: [number, number] | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const at: [number, number] | undefined = alias.range ? [alias.range[0], alias.range[1]] : undefined;
      first ??= at;
      if (alias.resolve(doc) === undefined) {
        unresolved = at;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

interface ParsedStream {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
  /** Where the stream nests deeper than crdgen reads (see nesting.ts); it then has no documents. */
  tooDeepAt?: number;
}

/** As parseAllDocuments, with the nesting checked on the tokens before the recursive composer sees them. */
function parseWithPositions(text: string): ParsedStream {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const tooDeepAt = firstTooDeep(tokens);
  if (tooDeepAt !== undefined) return { docs: [], lineCounter, tooDeepAt };
  // Quiet: a key that is a mapping (`name: {{ .Values.x }}`, a Helm template) is reported as a finding, not on stderr.
  const composer = new Composer({ uniqueKeys: sameKey, logLevel: "error" });
  return { docs: Array.from(composer.compose(tokens)), lineCounter };
}

/** Keys that may not repeat: any but merge keys, which go-yaml v2 (kubectl) applies one after another. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return isScalar(a) && isScalar(b) && a.value === b.value && !(isMergeKey(a) && isMergeKey(b));
}

/**
 * The position of the node at `path` (object keys and array indices) in `document`,
 * falling back to the deepest existing ancestor so a missing field points at its parent.
 */
export function positionOf(
  document: YamlDocument,
  path: readonly (string | number)[],
  /** `key`: a mapping entry's key rather than its value, for errors about the field's name. */
  target: PositionTarget = "value",
): SourcePosition {
  // The document itself: the block reader knows where it starts, without the syntax tree.
  return path.length === 0 ? document.start() : positionInTree(document, path, target);
}

export type PositionTarget = "key" | "value";

function positionInTree(
  document: YamlDocument,
  path: readonly (string | number)[],
  target: PositionTarget = "value",
): SourcePosition {
  let node: Node | null = document.doc.contents as Node | null;
  let best: Node | null = node;
  // Whether `best` is what `path` names (not an ancestor standing in for a missing field).
  let found = true;
  for (const [i, key] of path.entries()) {
    // Through an alias to its anchored node, where the text of the value is.
    if (isAlias(node)) node = node.resolve(document.doc) ?? null;
    if (isMap(node)) {
      const pair = entryOf(node, String(key), document.doc);
      if (!pair) {
        found = false;
        break;
      }
      best = (pair.key as Node | null) ?? best;
      node = pair.value as Node | null;
      if (target === "key" && i === path.length - 1) break;
      if (node) best = node;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) {
        found = false;
        break;
      }
      node = item;
      best = item;
    } else {
      found = false;
      break;
    }
  }
  const range = best?.range;
  const start = range?.[0] ?? 0;
  // A missing field is pointed at where its parent starts, but the parent is not underlined.
  return spanIn(document.text, document.lineCounter, start, found && range ? range[1] : start);
}

/**
 * `start` of `text` with the span to `end` (its trailing blanks and line breaks left out: a block
 * value's range runs to the next line), as 1-based lines and columns.
 */
function spanIn(text: string, lines: LineCounter, start: number, end: number): SourcePosition {
  const pos = columnsOf(text, lines.linePos(start));
  let stop = Math.min(end, text.length);
  while (stop > start && BLANK_OR_BREAK.test(text[stop - 1]!)) stop--;
  if (stop <= start) return { line: pos.line, column: pos.col };
  const last = columnsOf(text, lines.linePos(stop));
  return { line: pos.line, column: pos.col, endLine: last.line, endColumn: last.col };
}

/**
 * A position as editors count it: a byte-order mark (which Windows editors write) is no column of
 * the first line, though the parser counts it as a character.
 */
function columnsOf(text: string, pos: { line: number; col: number }): { line: number; col: number } {
  return pos.line === 1 && text.charCodeAt(0) === 0xfeff && pos.col > 1 ? { line: 1, col: pos.col - 1 } : pos;
}

const BLANK_OR_BREAK = /[ \t\r\n]/;
