/**
 * Multi-document YAML loading that keeps source positions, so every later error
 * can point at `file:line:column`. YAML 1.2 core schema, as Kubernetes' newer clients
 * read it; `yaml11.ts` warns where YAML 1.1 readers (kubectl) would disagree.
 *
 * Two readers give the same values: js-yaml's event parser for plain streams (most files,
 * about three times faster), and the `yaml` package, whose syntax tree has the positions
 * and whose messages word syntax errors. A document read the fast way builds that tree on
 * the first position asked of it.
 */
import { constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE, type Event } from "js-yaml";
import { yaml11DifferenceOf, yaml11Differences, type Yaml11Difference } from "./yaml11.js";
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node } from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * The `yaml` package's syntax tree of a whole stream, built on first use: positions need it
 * (and the YAML 1.1 walk of streams that are not plain), and it costs about three times a
 * plain parse.
 */
class YamlStream {
  #parsed: { docs: Document.Parsed[]; lineCounter: LineCounter } | undefined;
  constructor(readonly text: string) {}

  get parsed(): { docs: Document.Parsed[]; lineCounter: LineCounter } {
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
  ) {}

  get doc(): Document.Parsed {
    const doc = this.stream.parsed.docs[this.index];
    if (!doc) throw new Error(`document ${this.index} of ${this.file} is missing when re-read`);
    return doc;
  }

  get lineCounter(): LineCounter {
    return this.stream.parsed.lineCounter;
  }
}

export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface YamlLoadResult {
  documents: YamlDocument[];
  errors: YamlProblem[];
  /** Plain scalars of the documents that YAML 1.1 readers (kubectl) read differently. */
  yaml11Differences: () => Yaml11Difference[];
}

/** Parses every document of `text`; empty documents (`---` alone) are skipped. */
export function parseYamlDocuments(text: string, file: string): YamlLoadResult {
  const stream = new YamlStream(text);
  const quick = quickRead(text);
  if (!quick) return fullParse(file, stream);
  return {
    documents: quick.values.map((v, i) => new YamlDocument(file, i, v, stream)),
    errors: [],
    yaml11Differences: () => quick.yaml11,
  };
}

/**
 * The documents of a plain stream, parsed by js-yaml without a syntax tree; undefined when
 * the result might differ from the `yaml` package's. Plain means: no aliases, anchors, tags or
 * merge keys (js-yaml's core schema then reads scalars as YAML 1.2 does), no empty or null
 * document (the full parse decides which of those count), and no error (the full parse words
 * errors and places them).
 */
export function quickValues(text: string): unknown[] | undefined {
  return quickRead(text)?.values;
}

function quickRead(text: string): { values: unknown[]; yaml11: Yaml11Difference[] } | undefined {
  let values: unknown[];
  let yaml11: Yaml11Difference[] | undefined;
  try {
    const events = parseEvents(text, {});
    yaml11 = scanPlainEvents(events, text);
    if (!yaml11) return undefined;
    values = constructFromEvents(events, { source: text, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (values.some((v) => v === null || v === undefined)) return undefined;
  return { values, yaml11 };
}

/**
 * One pass over the events: undefined as soon as one makes the stream not plain, else the
 * plain scalars YAML 1.1 readers read differently (found here to spare a second parse).
 */
function scanPlainEvents(events: readonly Event[], text: string): Yaml11Difference[] | undefined {
  const found: Yaml11Difference[] = [];
  // Open collections, and how many nodes each holds so far: a mapping's even ones are keys.
  const open: Array<{ mapping: boolean; nodes: number }> = [];
  const position = positionsIn(text);
  for (const e of events) {
    if (e.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (e.type === EVENT_ID.DOCUMENT) {
      // `%YAML 1.1` switches the yaml package to YAML 1.1 scalars; `%TAG` handles mean tags.
      if (e.directives.length > 0) return undefined;
      open.push({ mapping: false, nodes: 0 });
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
    const parent = open[open.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.nodes % 2 === 0;
    if (parent) parent.nodes++;
    if (e.type !== EVENT_ID.SCALAR) {
      open.push({ mapping: e.type === EVENT_ID.MAPPING, nodes: 0 });
      continue;
    }
    if (e.style !== SCALAR_STYLE.PLAIN || !MAY_DIFFER.has(text.charCodeAt(e.valueStart))) continue;
    const source = text.slice(e.valueStart, e.valueEnd);
    if (readsLikeYaml11(source)) return undefined;
    const start = e.valueStart;
    const difference = yaml11DifferenceOf(source, isKey, () => position(start));
    if (difference) found.push(difference);
  }
  return found;
}

/**
 * First characters of plain scalars that YAML 1.1 may read differently or js-yaml like YAML 1.1:
 * numbers, `y`/`n`/`on`/`off` words, and `<<`. Other scalars are not even cut out of the text.
 */
const MAY_DIFFER = new Set([..."0123456789+-.yYnNoO<"].map((c) => c.charCodeAt(0)));

/** A plain scalar js-yaml's core schema reads as YAML 1.1 does (`0b1`, `0777`, `1_000`), or a merge key. */
function readsLikeYaml11(source: string): boolean {
  if (source === "<<") return true;
  const first = source.charCodeAt(0);
  const numberLike = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  return numberLike && (source.includes("_") || /^[-+]?0[0-9bo]/.test(source));
}

/** 1-based line and column of an offset; the line index is built on first use. */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

function fullParse(file: string, stream: YamlStream): YamlLoadResult {
  const { docs, lineCounter } = stream.parsed;
  const documents: YamlDocument[] = [];
  const errors: YamlProblem[] = [];
  docs.forEach((doc, index) => {
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      errors.push({
        file,
        line: pos.line,
        column: pos.col,
        message: err.message.split("\n")[0] ?? err.message,
      });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // Unresolvable aliases and alias bombs only surface when the document is converted.
      const pos = lineCounter.linePos(doc.range[0]);
      errors.push({
        file,
        line: pos.line,
        column: pos.col,
        message: (e as Error).message.split("\n")[0] ?? String(e),
      });
      return;
    }
    documents.push(new YamlDocument(file, index, value, stream));
  });
  return {
    documents,
    errors,
    yaml11Differences: () => documents.flatMap((d) => yaml11Differences(d.doc, d.lineCounter)),
  };
}

function parseWithPositions(text: string): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // parseAllDocuments returns an EmptyStream (an array-like with no docs) for blank input.
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

/**
 * The position of the node at `path` (object keys and array indices) in `document`,
 * falling back to the deepest existing ancestor so a missing field points at its parent.
 */
export function positionOf(document: YamlDocument, path: readonly (string | number)[]): SourcePosition {
  let node: Node | null = document.doc.contents as Node | null;
  let best: Node | null = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key),
      );
      if (!pair) break;
      best = (pair.key as Node | null) ?? best;
      node = pair.value as Node | null;
      if (node) best = node;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
      best = item;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0] ?? 0;
  const pos = document.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
