/**
 * Recognises the CEL rules that controller-gen's one-of markers (and crdgen's one-of tags) write,
 * in each spelling a version has used, so that a respelled rule is not taken for a new constraint:
 *
 * - controller-gen up to v0.21: `[has(self.a),has(self.b)].filter(x,x==true).size() == 1`
 *   (`<= 1` at most one, `>= 1` at least one);
 * - controller-tools since, and crdgen: `(has(self.a)?1:0)+(has(self.b)?1:0) == 1` (`<= 1`)
 *   and `has(self.a)||has(self.b)` (at least one).
 *
 * Both count the fields set among a group of two or more. Anything else (another comparison,
 * a repeated field, a nested path, a stray token) is not recognised: the caller then treats
 * the text as any other rule. Whitespace between tokens is allowed, as CEL allows it.
 */

export type OneOfCount = "exactly" | "at-most" | "at-least";

export interface OneOfConstraint {
  count: OneOfCount;
  /** The group's field names (as CEL spells them), sorted: the order does not change the meaning. */
  fields: string[];
}

const TOKEN = /\s*(\|\||==|<=|>=|[A-Za-z_][A-Za-z0-9_]*|\d+|[()[\].,?:+])/y;

/** The rule's tokens, or undefined when it holds anything the forms above never do. */
function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null) return /^\s*$/.test(text.slice(start)) ? tokens : undefined;
    tokens.push(match[1] as string);
  }
  return tokens;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COMPARISONS: Readonly<Record<string, OneOfCount>> = {
  "==": "exactly",
  "<=": "at-most",
  ">=": "at-least",
};

/** Reads the tokens in order; a token other than the one a form needs fails the whole match. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: readonly string[]) {}

  peek(): string | undefined {
    return this.tokens[this.at];
  }

  /** Consumes the given tokens in order; false (and nothing consumed) if they are not next. */
  take(...expected: string[]): boolean {
    if (expected.some((t, i) => this.tokens[this.at + i] !== t)) return false;
    this.at += expected.length;
    return true;
  }

  ident(): string | undefined {
    const token = this.peek();
    if (token === undefined || !IDENT.test(token)) return undefined;
    this.at++;
    return token;
  }

  /** `has(self.<name>)`: the name. */
  has(): string | undefined {
    const start = this.at;
    if (!this.take("has", "(", "self", ".")) return undefined;
    const name = this.ident();
    if (name !== undefined && this.take(")")) return name;
    this.at = start;
    return undefined;
  }

  /** `<op> 1` ending the rule: the count it states. */
  comparisonWithOne(allowed: readonly string[]): OneOfCount | undefined {
    const op = this.peek();
    if (op === undefined || !allowed.includes(op)) return undefined;
    this.at++;
    if (!this.take("1") || !this.done()) return undefined;
    return COMPARISONS[op];
  }

  done(): boolean {
    return this.at === this.tokens.length;
  }
}

/** `items` separated by `separator`, each read by `item`; undefined unless at least one. */
function listOf(reader: Reader, separator: string, item: () => string | undefined): string[] | undefined {
  const names: string[] = [];
  do {
    const name = item();
    if (name === undefined) return undefined;
    names.push(name);
  } while (reader.take(separator));
  return names;
}

/** `[has(self.a),has(self.b)].filter(x,x==true).size() <op> 1` */
function filteredList(reader: Reader): [string[], OneOfCount] | undefined {
  if (!reader.take("[")) return undefined;
  const names = listOf(reader, ",", () => reader.has());
  if (names === undefined || !reader.take("]", ".", "filter", "(")) return undefined;
  const variable = reader.ident();
  if (variable === undefined || !reader.take(",", variable, "==", "true", ")", ".", "size", "(", ")"))
    return undefined;
  const count = reader.comparisonWithOne(["==", "<=", ">="]);
  return count === undefined ? undefined : [names, count];
}

/** `(has(self.a)?1:0)+(has(self.b)?1:0) <op> 1` */
function summedTernaries(reader: Reader): [string[], OneOfCount] | undefined {
  const names = listOf(reader, "+", () => {
    if (!reader.take("(")) return undefined;
    const name = reader.has();
    return name !== undefined && reader.take("?", "1", ":", "0", ")") ? name : undefined;
  });
  if (names === undefined) return undefined;
  const count = reader.comparisonWithOne(["==", "<=", ">="]);
  return count === undefined ? undefined : [names, count];
}

/** `has(self.a)||has(self.b)`: at least one. */
function disjunction(reader: Reader): [string[], OneOfCount] | undefined {
  const names = listOf(reader, "||", () => reader.has());
  return names !== undefined && reader.done() ? [names, "at-least"] : undefined;
}

/** The one-of constraint a rule states, or undefined when the text is not one of the forms above. */
export function recogniseOneOf(rule: string): OneOfConstraint | undefined {
  const tokens = tokenize(rule);
  if (tokens === undefined) return undefined;
  const form = tokens[0] === "[" ? filteredList : tokens[0] === "(" ? summedTernaries : disjunction;
  const found = form(new Reader(tokens));
  if (found === undefined) return undefined;
  const [names, count] = found;
  // A field named twice would be counted twice by the list and the sum: not a plain group.
  if (names.length < 2 || new Set(names).size !== names.length) return undefined;
  return { count, fields: [...names].sort() };
}

/** Whether two rule texts are both recognised as the same one-of constraint. */
export function sameOneOf(a: string, b: string): boolean {
  const left = recogniseOneOf(a);
  const right = recogniseOneOf(b);
  return (
    left !== undefined &&
    right !== undefined &&
    left.count === right.count &&
    left.fields.join("\n") === right.fields.join("\n")
  );
}
