/**
 * Random field types from a broad grammar of the TypeScript users write — supported or not —
 * nested, for the construct fuzzer (test/read/construct-fuzz.test.ts). Each rendered type knows
 * what it can of itself: JSON values TypeScript accepts for it (where they are known), and whether
 * crdgen must refuse it (a function, a symbol, a tuple... per README).
 */
import fc from "fast-check";

/** A property's name as written, and its name in JSON. */
export interface NameSpec {
  written: string;
  json: string;
}

export interface PropSpec {
  name: NameSpec;
  /** `a: T`, `a?: T`, `a: T | undefined`, `a?: T | undefined`. */
  optional: "none" | "?" | "undefined" | "both";
  nullable: boolean;
  type: Node;
}

export type ObjDecl = "inline" | "interface" | "alias" | "class" | "namespace" | "global";
export type Member = "none" | "getter" | "setter" | "method" | "optionalMethod" | "symbolKey";

export interface ObjSpec {
  decl: ObjDecl;
  props: PropSpec[];
  member: Member;
}

export type Leaf =
  | "string"
  | "number"
  | "boolean"
  | "bigint"
  | "symbol"
  | "uniqueSymbol"
  | "object"
  | "emptyObject"
  | "unknown"
  | "any"
  | "never"
  | "void"
  | "undefined"
  | "null"
  | "Date"
  | "Uint8Array"
  | "URL"
  | "RegExp"
  | "int32"
  | "int64"
  | "integer"
  | "IntOrString"
  | "Quantity"
  | "Time"
  | "MicroTime"
  | "Duration"
  | "ObjectMeta"
  | "Condition"
  | "RawExtension"
  | "branded";

export type Node =
  | { k: "leaf"; leaf: Leaf }
  | { k: "strLit"; v: string }
  | { k: "numLit"; text: string }
  | { k: "boolLit"; v: boolean }
  | { k: "bigLit" }
  | { k: "enum"; flavor: number; member: boolean }
  | { k: "template"; which: number }
  | { k: "typeof"; which: number }
  | { k: "keyof" }
  | { k: "indexed"; which: number }
  | { k: "fn"; which: number }
  | { k: "recursive"; which: number }
  | { k: "array"; form: number; item: Node }
  | { k: "tuple"; form: number; item: Node }
  | { k: "set" | "map" | "promise"; item: Node }
  | { k: "record"; key: number; value: Node }
  | { k: "index"; key: number; value: Node; withProp: boolean }
  | { k: "union"; members: Node[]; extra: "" | "null" | "undefined" }
  | { k: "discriminated"; members: ObjSpec[] }
  | { k: "intersection"; a: ObjSpec; b: ObjSpec }
  | { k: "object"; obj: ObjSpec }
  | { k: "generic"; which: number; arg: Node }
  | { k: "mapped"; which: number; obj: ObjSpec }
  | { k: "conditional"; arg: Node }
  | { k: "extends"; bases: ObjSpec[]; own: ObjSpec };

const LEAVES: Leaf[] = [
  "string",
  "number",
  "boolean",
  "bigint",
  "symbol",
  "uniqueSymbol",
  "object",
  "emptyObject",
  "unknown",
  "any",
  "never",
  "void",
  "undefined",
  "null",
  "Date",
  "Uint8Array",
  "URL",
  "RegExp",
  "int32",
  "int64",
  "integer",
  "IntOrString",
  "Quantity",
  "Time",
  "MicroTime",
  "Duration",
  "ObjectMeta",
  "Condition",
  "RawExtension",
  "branded",
];

/** Names as users write them: identifiers, quoted, unicode, numeric (`1e3` is "1000" in JSON), computed. */
const names: fc.Arbitrary<NameSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,5}$/).map((s) => ({ written: s, json: s })),
  },
  fc.constantFrom<NameSpec>(
    { written: '"a-b"', json: "a-b" },
    { written: '"with space"', json: "with space" },
    { written: "ünï", json: "ünï" },
    { written: "名前", json: "名前" },
    { written: '"$ref"', json: "$ref" },
    { written: "_x", json: "_x" },
    { written: "$dollar", json: "$dollar" },
    { written: "0", json: "0" },
    { written: "1e3", json: "1000" },
    { written: "0x1F", json: "31" },
    { written: "1.50", json: "1.5" },
    { written: '"0"', json: "0" },
    { written: "[KEY]", json: "computed" },
    { written: "[NUM_KEY]", json: "7" },
    { written: '"__proto__"', json: "__proto__" },
    { written: "constructor", json: "constructor" },
  ),
);

const optional = fc.constantFrom<PropSpec["optional"]>("none", "none", "?", "?", "undefined", "both");

export const STRING_LITERALS = ["a", "", "with space", 'quote"d', "back\\slash", "ünï", "null", "1", "true"];
export const NUMBER_LITERALS = [
  "0",
  "1",
  "-1",
  "1.5",
  "-2.25",
  "1e21",
  "-0",
  "0x10",
  "1_000",
  "9007199254740991",
];

/** Leaves no schema can hold, which crdgen must refuse. */
const REFUSED_LEAVES = new Set<Leaf>(["bigint", "symbol", "uniqueSymbol", "emptyObject", "URL", "RegExp"]);

/**
 * The grammar; without `refusals` only the constructs crdgen reads (or may read), so that a
 * share of the cases reaches emit, the transforms and validation.
 */
function grammar(refusals: boolean) {
  const w = (weight: number) => (refusals ? weight : 0);
  const leaves = LEAVES.filter((l) => refusals || !REFUSED_LEAVES.has(l));
  const members: Member[] = refusals
    ? ["none", "none", "none", "none", "getter", "setter", "method", "optionalMethod", "symbolKey"]
    : ["none"];
  return fc.letrec<{ node: Node; obj: ObjSpec; prop: PropSpec }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 10, arbitrary: fc.constantFrom(...leaves).map((leaf): Node => ({ k: "leaf", leaf })) },
      { weight: 2, arbitrary: fc.constantFrom(...STRING_LITERALS).map((v): Node => ({ k: "strLit", v })) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...NUMBER_LITERALS).map((text): Node => ({ k: "numLit", text })),
      },
      { weight: 1, arbitrary: fc.boolean().map((v): Node => ({ k: "boolLit", v })) },
      { weight: w(1), arbitrary: fc.constant<Node>({ k: "bigLit" }) },
      {
        weight: 3,
        arbitrary: fc
          .record({ flavor: fc.nat(refusals ? 6 : 4), member: fc.boolean() })
          .map((r): Node => ({ k: "enum", ...r })),
      },
      { weight: 2, arbitrary: fc.nat(6).map((which): Node => ({ k: "template", which })) },
      { weight: 1, arbitrary: fc.nat(refusals ? 4 : 3).map((which): Node => ({ k: "typeof", which })) },
      { weight: 1, arbitrary: fc.constant<Node>({ k: "keyof" }) },
      { weight: 1, arbitrary: fc.nat(2).map((which): Node => ({ k: "indexed", which })) },
      { weight: w(2), arbitrary: fc.nat(5).map((which): Node => ({ k: "fn", which })) },
      { weight: w(1), arbitrary: fc.nat(4).map((which): Node => ({ k: "recursive", which })) },
      {
        weight: 4,
        arbitrary: fc.record({ form: fc.nat(3), item: tie("node") }).map((r): Node => ({ k: "array", ...r })),
      },
      {
        weight: w(1),
        arbitrary: fc.record({ form: fc.nat(5), item: tie("node") }).map((r): Node => ({ k: "tuple", ...r })),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          k: refusals
            ? fc.constantFrom("set" as const, "map" as const, "promise" as const)
            : fc.constant("set" as const),
          item: tie("node"),
        }),
      },
      {
        weight: 2,
        arbitrary: fc
          .record({ key: fc.nat(5), value: tie("node") })
          .map((r): Node => ({ k: "record", ...r })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ key: fc.nat(2), value: tie("node"), withProp: fc.boolean() })
          .map((r): Node => ({ k: "index", ...r })),
      },
      {
        weight: 3,
        arbitrary: fc
          .record({
            members: fc.array(tie("node"), { minLength: 2, maxLength: 3 }),
            extra: fc.constantFrom<"" | "null" | "undefined">("", "", "null", "undefined"),
          })
          .map((r): Node => ({ k: "union", ...r })),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(tie("obj"), { minLength: 2, maxLength: 3 })
          .map((members): Node => ({ k: "discriminated", members })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ a: tie("obj"), b: tie("obj") })
          .map((r): Node => ({ k: "intersection", ...r })),
      },
      { weight: 5, arbitrary: tie("obj").map((obj): Node => ({ k: "object", obj })) },
      {
        weight: 1,
        arbitrary: fc
          .record({ which: fc.nat(2), arg: tie("node") })
          .map((r): Node => ({ k: "generic", ...r })),
      },
      {
        weight: 2,
        arbitrary: fc.record({ which: fc.nat(5), obj: tie("obj") }).map((r): Node => ({ k: "mapped", ...r })),
      },
      {
        weight: 1,
        arbitrary: fc.record({ arg: tie("node") }).map((r): Node => ({ k: "conditional", ...r })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ bases: fc.array(tie("obj"), { minLength: 1, maxLength: 3 }), own: tie("obj") })
          .map((r): Node => ({ k: "extends", ...r })),
      },
    ),
    obj: fc.record({
      decl: fc.constantFrom<ObjDecl>(
        "inline",
        "inline",
        "interface",
        "interface",
        "alias",
        "class",
        "namespace",
        "global",
      ),
      props: fc.array(tie("prop"), { minLength: 1, maxLength: 3 }),
      member: fc.constantFrom(...members),
    }),
    prop: fc.record({
      name: refusals ? names : names.filter((n) => n.json !== "__proto__"),
      optional,
      nullable: fc.boolean(),
      type: tie("node"),
    }),
  }));
}

const full = grammar(true);
const readable = grammar(false);

/** The spec's own properties: the unit the fuzzer generates. */
export const specProps = fc.oneof(
  fc.array(full.prop, { minLength: 1, maxLength: 3 }),
  fc.array(readable.prop, { minLength: 1, maxLength: 3 }),
);

/**
 * What a rendered type knows of itself. `values`: an arbitrary of JSON values TypeScript accepts,
 * "none" when it has none (`never`), "omit" when a property of it is left out of JSON
 * (`undefined`, `void`), undefined when the fuzzer cannot tell. `refuse`: crdgen must refuse it.
 */
export interface Rendered {
  text: string;
  values: fc.Arbitrary<unknown> | "none" | "omit" | undefined;
  refuse: boolean;
  /** `unknown` or `any`, which TypeScript reads a union holding it as. */
  top?: boolean;
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const word = fc.stringMatching(/^[a-z]{1,6}$/);
const TIME = fc.constant("2024-01-02T03:04:05Z");

/** Fixed declarations some constructs refer to, added once when used. */
const FIXED: Record<string, string> = {
  KEY: 'const KEY = "computed";',
  NUM_KEY: "const NUM_KEY = 7;",
  SYM: "const SYM: unique symbol = Symbol();",
  US: "declare const US: unique symbol;",
  Keyed: 'interface Keyed { alpha: string; "b-c": number; 3: boolean }',
  Box: "/** A box. */\ninterface Box<T = string> { value: T; more?: T[] }",
  Pair: "interface Pair<A, B = A> { first: A; second?: B }",
  Holder: "interface Holder<T extends string | number = string> { held: T }",
  Cond: 'type Cond<T> = T extends string ? "str" : T extends number ? "num" : { other: T };',
  Nullable: "type Nullable<T> = { [K in keyof T]: T[K] | null };",
  Listed: "type Listed<T> = { [K in keyof T]?: T[K][] };",
  cfg: 'const cfg = { a: 1, b: "x" } as const;',
  cfg2: 'const cfg2 = { a: 1, b: "x" };',
  PHASES: 'const PHASES = ["Pending", "Running"] as const;',
  handler: "function handler(x: string): number { return x.length; }",
  Modes: 'const Modes = { Fast: "fast", Slow: "slow" } as const;',
};

const ENUMS: {
  text: (n: string) => string;
  ref: (n: string) => string;
  values: unknown[];
  refuse?: boolean;
}[] = [
  { text: (n) => `enum ${n} { A = "a", B = "b" }`, ref: (n) => n, values: ["a", "b"] },
  { text: (n) => `enum ${n} { A, B = 5, C }`, ref: (n) => n, values: [0, 5, 6] },
  { text: (n) => `const enum ${n} { A = "x", B = "y" }`, ref: (n) => n, values: ["x", "y"] },
  { text: (n) => `enum ${n} { A = 1, B = "b" }`, ref: (n) => n, values: [1, "b"] },
  {
    text: (n) => `namespace ${n}NS { export enum E { A = "na", B = "nb" } }`,
    ref: (n) => `${n}NS.E`,
    values: ["na", "nb"],
  },
  { text: (n) => `declare enum ${n} { A, B }`, ref: (n) => n, values: [], refuse: true },
  { text: (n) => `enum ${n} { A = "a" + "b", B = A.length }`, ref: (n) => n, values: [] },
];

const TEMPLATES: { text: string; values: fc.Arbitrary<unknown> }[] = [
  { text: "`x-${string}`", values: fc.string().map((s) => `x-${s}`) },
  { text: "`${number}Mi`", values: fc.integer({ min: 0, max: 99999 }).map((n) => `${n}Mi`) },
  { text: '`${"a" | "b"}-suffix`', values: fc.constantFrom("a-suffix", "b-suffix") },
  { text: "`${boolean}`", values: fc.constantFrom("true", "false") },
  { text: "`pre${string}post`", values: fc.string().map((s) => `pre${s}post`) },
  { text: "`${string}`", values: fc.string() },
  { text: "`arn:${string}:${number}`", values: fc.tuple(word, fc.nat()).map(([s, n]) => `arn:${s}:${n}`) },
];

export class RenderContext {
  readonly decls: string[] = [];
  readonly fixed = new Set<string>();
  private counter = 0;

  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  use(name: string): string {
    if (!this.fixed.has(name)) {
      this.fixed.add(name);
      this.decls.push(FIXED[name]!);
    }
    return name;
  }

  render(node: Node): Rendered {
    switch (node.k) {
      case "leaf":
        return this.leaf(node.leaf);
      case "strLit":
        return { text: JSON.stringify(node.v), values: fc.constant(node.v), refuse: false };
      case "numLit": {
        const value = Number(node.text.replaceAll("_", ""));
        return { text: node.text, values: fc.constant(Object.is(value, -0) ? 0 : value), refuse: false };
      }
      case "boolLit":
        return { text: String(node.v), values: fc.constant(node.v), refuse: false };
      case "bigLit":
        return { text: "10n", values: undefined, refuse: true };
      case "enum": {
        const e = ENUMS[node.flavor % ENUMS.length]!;
        const name = this.fresh("Enum");
        this.decls.push(e.text(name));
        const ref = e.ref(name);
        if (node.member && e.values.length > 0) {
          return { text: `${ref}.B`, values: fc.constant(e.values[1]), refuse: e.refuse ?? false };
        }
        const values = e.values.length > 0 ? fc.constantFrom(...e.values) : undefined;
        return { text: ref, values, refuse: e.refuse ?? false };
      }
      case "template": {
        const t = TEMPLATES[node.which % TEMPLATES.length]!;
        return { text: t.text, values: t.values, refuse: false };
      }
      case "typeof":
        switch (node.which) {
          case 0:
            return {
              text: `typeof ${this.use("cfg")}`,
              values: fc.constant({ a: 1, b: "x" }),
              refuse: false,
            };
          case 1:
            return {
              text: `typeof ${this.use("cfg2")}`,
              values: fc.record({ a: fc.integer(), b: fc.string() }),
              refuse: false,
            };
          case 2:
            return {
              text: `(typeof ${this.use("PHASES")})[number]`,
              values: fc.constantFrom("Pending", "Running"),
              refuse: false,
            };
          case 3:
            return {
              text: `(typeof ${this.use("Modes")})[keyof typeof Modes]`,
              values: fc.constantFrom("fast", "slow"),
              refuse: false,
            };
          default:
            return { text: `typeof ${this.use("handler")}`, values: undefined, refuse: true };
        }
      case "keyof":
        return {
          text: `keyof ${this.use("Keyed")}`,
          values: fc.constantFrom("alpha", "b-c", 3),
          refuse: false,
        };
      case "indexed": {
        this.use("Keyed");
        const [text, values] = (
          [
            ['Keyed["alpha"]', fc.string()],
            ['Keyed["b-c" | 3]', fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean())],
            ["Keyed[3]", fc.boolean()],
          ] as const
        )[node.which % 3]!;
        return { text, values, refuse: false };
      }
      case "fn": {
        const texts = [
          "() => void",
          "(a: string) => number",
          "new () => object",
          "{ (x: number): string }",
          "Function",
          "{ new (x: string): { a: string } }",
        ];
        return { text: texts[node.which % texts.length]!, values: undefined, refuse: true };
      }
      case "recursive":
        return this.recursive(node.which);
      case "array": {
        const item = this.render(node.item);
        const t = `(${item.text})`;
        const text = [`${t}[]`, `Array<${item.text}>`, `ReadonlyArray<${item.text}>`, `readonly ${t}[]`][
          node.form % 4
        ]!;
        return { text, values: arrayOf(item), refuse: item.refuse };
      }
      case "tuple": {
        const item = this.render(node.item);
        const t = item.text;
        const forms = [
          `[${t}, ${t}]`,
          `[a: ${t}, b?: ${t}]`,
          `[${t}, ...(${t})[]]`,
          `readonly [${t}]`,
          "[]",
          `[...(${t})[]]`,
        ];
        const text = forms[node.form % forms.length]!;
        // `[...T[]]` is T[] spelled as a tuple: TypeScript reads it as an array.
        if (node.form % forms.length === 5) return { text, values: arrayOf(item), refuse: item.refuse };
        return { text, values: undefined, refuse: true };
      }
      case "set": {
        const item = this.render(node.item);
        return { text: `Set<${item.text}>`, values: undefined, refuse: item.refuse };
      }
      case "map": {
        const item = this.render(node.item);
        return { text: `Map<string, ${item.text}>`, values: undefined, refuse: true };
      }
      case "promise": {
        const item = this.render(node.item);
        return { text: `Promise<${item.text}>`, values: undefined, refuse: true };
      }
      case "record":
        return this.record(node.key, this.render(node.value));
      case "index":
        return this.index(node.key, this.render(node.value), node.withProp);
      case "union":
        return this.union(
          node.members.map((m) => this.render(m)),
          node.extra,
        );
      case "discriminated":
        return this.discriminated(node.members);
      case "intersection": {
        const a = this.object(node.a);
        const b = this.object(node.b);
        // Property names both sides declare intersect their types: the fuzzer cannot tell the values.
        const overlap = node.a.props.some((p) => node.b.props.some((q) => q.name.json === p.name.json));
        return {
          text: `(${a.text}) & (${b.text})`,
          values: overlap ? undefined : mergedValues(a.values, b.values),
          refuse: a.refuse || b.refuse,
        };
      }
      case "object":
        return this.object(node.obj);
      case "generic":
        return this.generic(node.which, this.render(node.arg));
      case "mapped":
        return this.mapped(node.which, node.obj);
      case "conditional": {
        const arg = this.render(node.arg);
        this.use("Cond");
        return { text: `Cond<${arg.text}>`, values: undefined, refuse: false };
      }
      case "extends":
        return this.extends(node.bases, node.own);
    }
  }

  private leaf(leaf: Leaf): Rendered {
    const ok = (text: string, values: fc.Arbitrary<unknown> | "none" | "omit" | undefined): Rendered => ({
      text,
      values,
      refuse: false,
    });
    const no = (text: string): Rendered => ({ text, values: undefined, refuse: true });
    switch (leaf) {
      case "string":
        return ok("string", fc.string());
      case "number":
        return ok("number", fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
      case "boolean":
        return ok("boolean", fc.boolean());
      case "bigint":
        return no("bigint");
      case "symbol":
        return no("symbol");
      case "uniqueSymbol":
        return no(`typeof ${this.use("US")}`);
      case "object":
        return ok("object", undefined);
      case "emptyObject":
        return no("{}");
      case "unknown":
        return { ...ok("unknown", anyJson), top: true };
      case "any":
        return { ...ok("any", anyJson), top: true };
      case "never":
        return ok("never", "none");
      case "void":
        return ok("void", "omit");
      case "undefined":
        return ok("undefined", "omit");
      case "null":
        return ok("null", fc.constant(null));
      case "Date":
        return ok("Date", TIME);
      case "Uint8Array":
        return ok("Uint8Array", fc.constant("aGVsbG8="));
      case "URL":
        return no("URL");
      case "RegExp":
        return no("RegExp");
      case "int32":
        return ok("int32", fc.integer());
      case "int64":
        return ok("int64", fc.maxSafeInteger());
      case "integer":
        return ok("integer", fc.maxSafeInteger());
      case "IntOrString":
        return ok("IntOrString", fc.oneof(fc.integer(), fc.string()));
      case "Quantity":
        return ok("Quantity", fc.constantFrom("1Gi", "500m", "2", 3, "1.5", "100Ki"));
      case "Time":
        return ok("Time", TIME);
      case "MicroTime":
        return ok("MicroTime", fc.constant("2024-01-02T03:04:05.123456Z"));
      case "Duration":
        return ok("Duration", fc.constant("1h30m"));
      case "ObjectMeta":
        return ok("ObjectMeta", fc.constant({ name: "x", labels: { a: "b" } }));
      case "Condition":
        return ok(
          "Condition",
          fc.constant({
            type: "Ready",
            status: "True",
            lastTransitionTime: "2024-01-02T03:04:05Z",
            reason: "Done",
            message: "",
          }),
        );
      case "RawExtension":
        return ok("RawExtension", fc.dictionary(word, anyJson, { maxKeys: 2 }));
      case "branded":
        return ok('string & { readonly __brand: "Name" }', fc.string());
    }
  }

  private recursive(which: number): Rendered {
    const n = this.fresh("Rec");
    const decls = [
      `interface ${n} { value: string; child?: ${n} }`,
      `interface ${n} { items?: ${n}[] }`,
      `interface ${n} { other?: ${n}B }\ninterface ${n}B { back?: ${n} }`,
      `interface ${n}<T> { v: T; kids?: ${n}<T>[] }`,
      `type ${n} = string | ${n}[];`,
    ];
    const i = which % decls.length;
    this.decls.push(decls[i]!);
    return { text: i === 3 ? `${n}<string>` : n, values: undefined, refuse: true };
  }

  private record(key: number, value: Rendered): Rendered {
    const keys = ["string", '"a" | "b"', "`x-${string}`", "number", "Enum", "string | number"];
    let keyText = keys[key % keys.length]!;
    let values: Rendered["values"] = undefined;
    const v = value.values;
    const arb = typeof v === "object" ? v : undefined;
    switch (key % keys.length) {
      case 0:
      case 5:
        values = arb && fc.dictionary(word, arb, { maxKeys: 3 });
        break;
      case 1:
        values = arb && fc.record({ a: arb, b: arb });
        break;
      case 2:
        values =
          arb &&
          fc.dictionary(
            word.map((w) => `x-${w}`),
            arb,
            { maxKeys: 3 },
          );
        break;
      case 3:
        values = arb && fc.dictionary(fc.nat(99).map(String), arb, { maxKeys: 3 });
        break;
      case 4: {
        const e = this.fresh("Keys");
        this.decls.push(`enum ${e} { A = "ka", B = "kb" }`);
        keyText = e;
        values = arb && fc.record({ ka: arb, kb: arb });
        break;
      }
    }
    if (v === "none") values = key % keys.length === 1 || key % keys.length === 4 ? "none" : fc.constant({});
    return { text: `Record<${keyText}, ${value.text}>`, values, refuse: value.refuse };
  }

  private index(key: number, value: Rendered, withProp: boolean): Rendered {
    const keys = ["k: string", "n: number", "k: `x-${string}`"];
    const sig = `[${keys[key % 3]!}]: ${value.text}`;
    const arb = typeof value.values === "object" ? value.values : undefined;
    const keyArb = [word, fc.nat(99).map(String), word.map((w) => `x-${w}`)][key % 3]!;
    if (withProp) {
      // A property beside the signature must fit it: give it the signature's type.
      return { text: `{ fixed?: ${value.text}; ${sig} }`, values: undefined, refuse: value.refuse };
    }
    const values =
      value.values === "none" ? fc.constant({}) : arb && fc.dictionary(keyArb, arb, { maxKeys: 3 });
    return { text: `{ ${sig} }`, values, refuse: value.refuse };
  }

  private union(members: Rendered[], extra: "" | "null" | "undefined"): Rendered {
    const texts = members.map((m) => `(${m.text})`);
    if (extra) texts.push(extra);
    // `unknown | (() => void)` is `unknown` to TypeScript: any value, nothing refused.
    if (members.some((m) => m.top))
      return { text: texts.join(" | "), values: anyJson, refuse: false, top: true };
    const refuse = members.some((m) => m.refuse);
    // A property of a union type is never left out, and `undefined` or `void` in it is no value.
    const arbs: fc.Arbitrary<unknown>[] = [];
    let known = true;
    for (const m of members) {
      if (typeof m.values === "object") arbs.push(m.values);
      else if (m.values === undefined) known = false;
    }
    if (extra === "null") arbs.push(fc.constant(null));
    const omits = extra === "undefined" || members.some((m) => m.values === "omit");
    let values: Rendered["values"];
    if (!known) values = undefined;
    else if (arbs.length > 0) values = fc.oneof(...arbs);
    else values = omits ? "omit" : "none";
    // `T | undefined` as a property's type is optional: the test reads it so through `optional`.
    return {
      text: texts.join(" | "),
      values: values === "omit" && arbs.length > 0 ? fc.oneof(...arbs) : values,
      refuse,
    };
  }

  private discriminated(members: ObjSpec[]): Rendered {
    const parts = members.map((m, i) => {
      const tagged: ObjSpec = { ...m, decl: "inline", props: m.props.filter((p) => p.name.json !== "kind") };
      const body = this.objectBody(tagged, `kind: "k${i}";`);
      return { text: `{ ${body.members} }`, values: body.values, refuse: body.refuse, tag: `k${i}` };
    });
    const arbs = parts.flatMap((p) =>
      typeof p.values === "object" ? [p.values.map((v) => ({ ...(v as object), kind: p.tag }))] : [],
    );
    const known = parts.every((p) => p.values !== undefined);
    return {
      text: parts.map((p) => p.text).join(" | "),
      values: known && arbs.length > 0 ? fc.oneof(...arbs) : known ? "none" : undefined,
      refuse: parts.some((p) => p.refuse),
    };
  }

  private generic(which: number, arg: Rendered): Rendered {
    const arb = typeof arg.values === "object" ? arg.values : undefined;
    switch (which) {
      case 0: {
        this.use("Box");
        const values =
          arg.values === undefined
            ? undefined
            : arg.values === "none"
              ? "none"
              : arb
                ? fc.record(
                    { value: arb, more: fc.array(arb, { maxLength: 2 }) },
                    { requiredKeys: ["value"] },
                  )
                : fc.constant({});
        return { text: `Box<${arg.text}>`, values, refuse: arg.refuse };
      }
      case 1: {
        this.use("Pair");
        const values =
          arg.values === "none"
            ? "none"
            : arb && fc.record({ first: arb, second: arb }, { requiredKeys: ["first"] });
        return { text: `Pair<${arg.text}>`, values, refuse: arg.refuse };
      }
      default:
        this.use("Holder");
        return { text: "Holder", values: fc.record({ held: fc.string() }), refuse: false };
    }
  }

  private mapped(which: number, obj: ObjSpec): Rendered {
    // The mapped types below need a named type to map over.
    const named = this.object({ ...obj, decl: obj.decl === "inline" ? "alias" : obj.decl });
    const props = uniqueProps(obj.props);
    const first = props[0]!;
    const refuse = named.refuse;
    // An accessor is a property whose values objectValues cannot make (see memberRefuses): it can
    // be left out only where Partial makes it optional.
    const valuesOpen = memberRefuses(obj.member, obj.decl === "class") === undefined;
    switch (which % 6) {
      case 0:
        return { text: `Partial<${named.text}>`, values: this.objectValues(props, () => true), refuse };
      case 1:
        return {
          text: `Required<${named.text}>`,
          values: valuesOpen ? undefined : this.objectValues(props, () => false),
          refuse,
        };
      case 2:
        return { text: `Readonly<${named.text}>`, values: named.values, refuse };
      case 3: {
        const picked = [first];
        return {
          text: `Pick<${named.text}, ${JSON.stringify(first.name.json)}>`,
          values: this.objectValues(picked),
          refuse: picked.some((p) => this.peekRefuse(p)),
        };
      }
      case 4: {
        const kept = props.slice(1);
        return {
          text: `Omit<${named.text}, ${JSON.stringify(first.name.json)}>`,
          values: undefined,
          refuse:
            kept.some((p) => this.peekRefuse(p)) || memberRefuses(obj.member, obj.decl === "class") === true,
        };
      }
      default:
        this.use("Nullable");
        return { text: `Nullable<${named.text}>`, values: undefined, refuse };
    }
  }

  private extends(bases: ObjSpec[], own: ObjSpec): Rendered {
    const taken = new Set<string>();
    const baseNames: string[] = [];
    let refuse = false;
    // A base's accessor is a property whose values objectValues cannot make (see memberRefuses).
    let valuesOpen = memberRefuses(own.member) === undefined;
    const all: PropSpec[] = [];
    for (const b of bases) {
      const props = uniqueProps(b.props).filter((p) => !taken.has(p.name.json));
      if (props.length === 0) continue;
      for (const p of props) taken.add(p.name.json);
      all.push(...props);
      const decl = b.decl === "class" ? "class" : "interface";
      const r = this.object({ ...b, props, decl });
      refuse ||= r.refuse;
      valuesOpen ||= memberRefuses(b.member, decl === "class") === undefined;
      baseNames.push(r.text);
    }
    const ownProps = uniqueProps(own.props).filter((p) => !taken.has(p.name.json));
    all.push(...ownProps);
    const name = this.fresh("Ext");
    const body = this.objectBody({ ...own, props: ownProps, decl: "interface" });
    this.decls.push(`interface ${name} extends ${baseNames.join(", ")} { ${body.members} }`);
    return {
      text: name,
      values: valuesOpen ? undefined : this.objectValues(all),
      refuse: refuse || body.refuse,
    };
  }

  /** An object type, declared as `obj.decl` says; its text is its name, or the literal when inline. */
  object(obj: ObjSpec): Rendered {
    const kind = obj.decl;
    const body = this.objectBody(obj, "", kind === "class");
    const literal = `{ ${body.members} }`;
    const done = (text: string): Rendered => ({ text, values: body.values, refuse: body.refuse });
    switch (kind) {
      case "inline":
        return done(literal);
      case "interface": {
        const n = this.fresh("Iface");
        this.decls.push(`/** An interface. */\ninterface ${n} ${literal}`);
        return done(n);
      }
      case "alias": {
        const n = this.fresh("Alias");
        this.decls.push(`type ${n} = ${literal};`);
        return done(n);
      }
      case "class": {
        const n = this.fresh("Klass");
        this.decls.push(`class ${n} { ${body.members} }`);
        return done(n);
      }
      case "namespace": {
        const n = this.fresh("Ns");
        this.decls.push(`namespace ${n} { export interface Inner ${literal} }`);
        return done(`${n}.Inner`);
      }
      case "global": {
        const n = this.fresh("Global");
        this.decls.push(`declare global { interface ${n} ${literal} }`);
        return done(n);
      }
    }
  }

  private objectBody(
    obj: ObjSpec,
    first = "",
    asClass = false,
  ): { members: string; values: Rendered["values"]; refuse: boolean } {
    // A class's `constructor` is its constructor, never a property.
    const props = uniqueProps(obj.props).filter((p) => !asClass || p.name.json !== "constructor");
    const members: string[] = first ? [first] : [];
    let refuse = false;
    for (const p of props) {
      if (p.name.written === "[KEY]") this.use("KEY");
      if (p.name.written === "[NUM_KEY]") this.use("NUM_KEY");
      const t = this.render(p.type);
      refuse ||= t.refuse || p.name.json === "__proto__";
      const type = `${t.text}${p.nullable ? " | null" : ""}${p.optional === "undefined" || p.optional === "both" ? " | undefined" : ""}`;
      const mark = p.optional === "?" || p.optional === "both" ? "?" : asClass ? "!" : "";
      members.push(`${p.name.written}${mark}: ${type};`);
    }
    const extra = memberText(obj.member, asClass, (n) => this.use(n));
    if (extra) members.push(extra);
    refuse ||= memberRefuses(obj.member, asClass) === true;
    return {
      members: members.join(" "),
      values: memberRefuses(obj.member, asClass) === undefined ? undefined : this.objectValues(props),
      refuse,
    };
  }

  /** JSON values of an object of `props`; `optional` overrides each property's optionality. */
  objectValues(props: PropSpec[], optionalOverride?: (p: PropSpec) => boolean): Rendered["values"] {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const p of props) {
      // Objects spell `__proto__` as their prototype: no plain JSON value to build here.
      if (p.name.json === "__proto__") return undefined;
      const t = this.peek(p.type);
      const isOptional = optionalOverride ? optionalOverride(p) : p.optional !== "none";
      let v = t;
      if (p.nullable)
        v = v === "none" || v === "omit" ? fc.constant(null) : v && fc.oneof(v, fc.constant(null));
      if (v === undefined) return undefined;
      if (v === "omit") continue;
      if (v === "none") {
        if (isOptional) continue;
        return "none";
      }
      model[p.name.json] = v;
      if (!isOptional) required.push(p.name.json);
    }
    return fc.record(model, { requiredKeys: required });
  }

  /** The values of a node without adding its declarations again. */
  private peek(node: Node): Rendered["values"] {
    return new RenderContext().render(node).values;
  }

  /** Whether crdgen must refuse a property, without adding its type's declarations again. */
  private peekRefuse(p: PropSpec): boolean {
    return p.name.json === "__proto__" || new RenderContext().render(p.type).refuse;
  }
}

function arrayOf(item: Rendered): Rendered["values"] {
  if (item.values === undefined) return undefined;
  if (typeof item.values !== "object") return fc.constant([]);
  return fc.array(item.values, { maxLength: 3 });
}

function mergedValues(a: Rendered["values"], b: Rendered["values"]): Rendered["values"] {
  if (a === undefined || b === undefined) return undefined;
  if (a === "none" || b === "none") return "none";
  if (a === "omit" || b === "omit") return undefined;
  return fc.tuple(a, b).map(([x, y]) => ({ ...(x as object), ...(y as object) }));
}

/** Properties with distinct JSON names, the first of each name kept. */
export function uniqueProps(props: PropSpec[]): PropSpec[] {
  const seen = new Set<string>();
  return props.filter((p) => !seen.has(p.name.json) && seen.add(p.name.json));
}

/**
 * Whether a member other than a property makes the object one crdgen must refuse; undefined when
 * that is open. An accessor of an interface or type literal is a property to JSON (an object
 * literal satisfies it with a plain one); a class's lives on the prototype, which JSON leaves out.
 */
function memberRefuses(member: Member, asClass = false): boolean | undefined {
  if (member === "none") return false;
  // JSON.stringify leaves a symbol-keyed member out: whether crdgen ignores or refuses it is open.
  if (member === "symbolKey") return undefined;
  if (member === "getter" || member === "setter") return asClass ? true : undefined;
  return true;
}

function memberText(member: Member, asClass: boolean, use: (name: string) => string): string {
  switch (member) {
    case "none":
      return "";
    case "getter":
      return asClass ? 'get computedName(): string { return ""; }' : "get computedName(): string;";
    case "setter":
      return asClass ? "set writeOnly(v: string) { void v; }" : "set writeOnly(v: string);";
    case "method":
      return asClass ? "run(): void {}" : "run(): void;";
    case "optionalMethod":
      return "stop?(): void;";
    case "symbolKey":
      return `[${use("SYM")}]${asClass ? "!" : ""}: string;`;
  }
}

const CRDGEN_IMPORTS =
  "int32, int64, integer, IntOrString, Quantity, Time, MicroTime, Duration, ObjectMeta, Condition, RawExtension";

/** The whole entry file: crdgen's types imported, declarations, a root, and a spec of `props`. */
export function constructSource(props: PropSpec[]): { source: string; spec: Rendered } {
  const ctx = new RenderContext();
  const spec = ctx.object({ decl: "inline", props, member: "none" });
  const source = `import type { ${CRDGEN_IMPORTS} } from "crdgen";
${ctx.decls.join("\n")}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget {
  spec: Spec;
}
export type Spec = ${spec.text};
`;
  return { source, spec };
}
