/** Source positions as users see them: absolute file, 1-based line and column. */
import type { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { tsApi } from "./typescript.js";

export function locationOf(sf: ts.SourceFile, pos: number): SourceLocation {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { file: sf.fileName, line: lc.line + 1, column: lc.character + 1 };
}

/** Location of a node's first token (skipping its JSDoc and trivia). */
export function nodeLocation(node: ts.Node): SourceLocation {
  // The reader asks for the same node several times in a row (a property, then its type).
  if (node === lastNode) return lastLocation!;
  const sf = node.getSourceFile();
  const location = locationOf(sf, node.getStart(sf, false));
  lastNode = node;
  lastLocation = location;
  return location;
}

let lastNode: ts.Node | undefined;
let lastLocation: SourceLocation | undefined;

/**
 * Where an IR node or a tag was written, worked out when first read. The reader gives every
 * IR node and tag an origin, yet only the few a diagnostic points at are ever read: finding each
 * node's first token and line up front was a fifth of reading 1,000 types. A lazy location keeps
 * the file's text and the node's full start, not the node: the program's syntax trees are let go
 * after reading (a fifth of a large run's peak memory), and IR origins live on. Reading a field,
 * or JSON, gives what `nodeLocation` gives; a diagnostic takes a plain copy (`plainLocation`),
 * so what crdgen reports is plain data that survives spreading and structured cloning.
 */
class LazyLocation implements SourceLocation {
  readonly #file: FileText;
  readonly #pos: number;
  /** Whether `#pos` is a node's full start, before the trivia (JSDoc included) that precede its first token. */
  readonly #beforeTrivia: boolean;
  #resolved: SourceLocation | undefined;

  constructor(file: FileText, pos: number, beforeTrivia: boolean) {
    this.#file = file;
    this.#pos = pos;
    this.#beforeTrivia = beforeTrivia;
  }

  get file(): string {
    return this.#file.fileName;
  }
  get line(): number {
    return this.resolve().line;
  }
  get column(): number {
    return this.resolve().column;
  }

  toJSON(): SourceLocation {
    return this.resolve();
  }

  private resolve(): SourceLocation {
    if (this.#resolved) return this.#resolved;
    const file = this.#file;
    const pos = this.#beforeTrivia ? firstTokenAt(file.text, this.#pos) : this.#pos;
    const lc = file.getLineAndCharacterOfPosition(pos);
    return (this.#resolved = { file: file.fileName, line: lc.line + 1, column: lc.character + 1 });
  }
}

/** What lazy locations keep of a source file (TypeScript caches the line starts on it as on a SourceFile). */
class FileText implements ts.SourceFileLike {
  constructor(
    readonly fileName: string,
    readonly text: string,
  ) {}

  getLineAndCharacterOfPosition(pos: number): ts.LineAndCharacter {
    return tsApi.getLineAndCharacterOfPosition(this, pos);
  }
}

const fileTexts = new WeakMap<ts.SourceFile, FileText>();

function fileTextOf(sf: ts.SourceFile): FileText {
  let text = fileTexts.get(sf);
  if (!text) fileTexts.set(sf, (text = new FileText(sf.fileName, sf.text)));
  return text;
}

/** The start of the first token at or after `pos`, as `node.getStart()` finds it from `node.pos`. */
function firstTokenAt(text: string, pos: number): number {
  scanner.setText(text, pos);
  scanner.scan();
  const start = scanner.getTokenStart();
  scanner.setText(undefined);
  return start;
}

const scanner = tsApi.createScanner(tsApi.ScriptTarget.Latest, /* skipTrivia */ true);

/** Where `node` starts, worked out when first read (see LazyLocation). */
export function nodeOrigin(node: ts.Node): SourceLocation {
  if (node === lastOriginNode) return lastOrigin!;
  lastOriginNode = node;
  return (lastOrigin = new LazyLocation(fileTextOf(node.getSourceFile()), node.pos, true));
}

let lastOriginNode: ts.Node | undefined;
let lastOrigin: SourceLocation | undefined;

/** Position `pos` of `sf`, worked out when first read (see LazyLocation). */
export function positionOrigin(sf: ts.SourceFile, pos: number): SourceLocation {
  return new LazyLocation(fileTextOf(sf), pos, false);
}
