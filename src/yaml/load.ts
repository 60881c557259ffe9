/**
 * Multi-document YAML loading that keeps source positions, so every later error
 * can point at `file:line:column`. YAML 1.2 core schema, as Kubernetes' newer clients
 * read it; `yaml11.ts` warns where YAML 1.1 readers (kubectl) would disagree.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node } from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
}

export interface YamlDocument {
  file: string;
  /** 0-based index of the document in its stream. */
  index: number;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
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
}

/** Parses every document of `text`; empty documents (`---` alone) are skipped. */
export function parseYamlDocuments(text: string, file: string): YamlLoadResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const documents: YamlDocument[] = [];
  const errors: YamlProblem[] = [];
  // parseAllDocuments returns an EmptyStream (an array-like with no docs) for blank input.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
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
    documents.push({ file, index, value, doc, lineCounter });
  });
  return { documents, errors };
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
