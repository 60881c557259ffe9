/**
 * Every unsupported input is a located error: file, line, column, the property path, and
 * what to write instead. Nothing is generated when there is an error.
 */
import { describe, expect, test } from "vitest";
import { ENTRY, errorsOf, generateFrom, withRoot } from "../helpers/generate.js";

/** Line of the first occurrence of `needle` in the test source (1-based). */
function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in source`);
  return source.slice(0, index).split("\n").length;
}

interface ErrorCase {
  name: string;
  spec: string;
  prelude?: string;
  code: string;
  /** Text the message must contain. */
  message: RegExp;
  /** The property the error must point at. */
  at: string;
  path: string;
  hint: RegExp;
}

const cases: ErrorCase[] = [
  {
    name: "function-typed property",
    spec: "{\n  callback: () => void;\n}",
    code: "CRD1002",
    message: /callback is a function/,
    at: "callback:",
    path: "Widget.spec.callback",
    hint: /data only/,
  },
  {
    name: "a property named __proto__ (a plain object cannot hold the key)",
    spec: '{\n  "__proto__"?: boolean;\n}',
    code: "CRD1002",
    message: /__proto__ is not supported/,
    at: '"__proto__"',
    path: "Widget.spec.__proto__",
    hint: /rename/,
  },
  {
    name: "the type Object (read member by member, it led into lib.es5.d.ts)",
    spec: "{\n  anything: Object;\n}",
    code: "CRD1002",
    message: /anything is the type Object/,
    at: "anything:",
    path: "Widget.spec.anything",
    hint: /Record<string, unknown>/,
  },
  {
    name: "the type object",
    spec: "{\n  anything: object;\n}",
    code: "CRD1002",
    message: /anything is the type object/,
    at: "anything:",
    path: "Widget.spec.anything",
    hint: /Record<string, unknown>/,
  },
  {
    name: "the type {} (any value but null: `type: object` would refuse a string and prune an object's fields)",
    spec: "{\n  anything: {};\n}",
    code: "CRD1002",
    message: /anything is the type \{\} \(in TypeScript any value but null and undefined\)/,
    at: "anything:",
    path: "Widget.spec.anything",
    hint: /Record<string, never> for an object with no fields/,
  },
  {
    name: "an alias of {} inside a map",
    prelude: "export type Anything = {};",
    spec: "{\n  byName: Record<string, Anything>;\n}",
    code: "CRD1002",
    message: /byName\[\*\] is the type \{\}/,
    at: "export type Anything",
    path: "Widget.spec.byName[*]",
    hint: /unknown for any value/,
  },
  {
    name: "the type Function",
    spec: "{\n  run: Function;\n}",
    code: "CRD1002",
    message: /run is a function/,
    at: "run:",
    path: "Widget.spec.run",
    hint: /data only/,
  },
  {
    name: "method signature",
    spec: "{\n  run(): void;\n}",
    code: "CRD1002",
    message: /run is a method/,
    at: "run()",
    path: "Widget.spec.run",
    hint: /remove the method/,
  },
  {
    name: "symbol",
    spec: "{\n  id: symbol;\n}",
    code: "CRD1002",
    message: /id is a symbol/,
    at: "id:",
    path: "Widget.spec.id",
    hint: /remove/,
  },
  {
    name: "bigint",
    spec: "{\n  big: bigint;\n}",
    code: "CRD1002",
    message: /big is bigint/,
    at: "big:",
    path: "Widget.spec.big",
    hint: /int64/,
  },
  {
    name: "tuple",
    spec: "{\n  pair: [string, number];\n}",
    code: "CRD1002",
    message: /pair is a tuple/,
    at: "pair:",
    path: "Widget.spec.pair",
    hint: /T\[\]/,
  },
  {
    name: "tuple of one item type: the hint is a list of both bounds",
    spec: "{\n  range: [number, number];\n}",
    code: "CRD1002",
    message: /range is a tuple/,
    at: "range:",
    path: "Widget.spec.range",
    hint: /write number\[\] with @minItems 2 @maxItems 2 \(on the property\)/,
  },
  {
    name: "tuple of an alias of number: the hint keeps the alias as written",
    prelude: "type int32 = number;",
    spec: "{\n  pair: [int32, int32, int32];\n}",
    code: "CRD1002",
    message: /pair is a tuple/,
    at: "pair:",
    path: "Widget.spec.pair",
    hint: /write int32\[\] with @minItems 3 @maxItems 3/,
  },
  {
    name: "tuple with an optional element: no fixed length to bound",
    spec: "{\n  pair: [string, string?];\n}",
    code: "CRD1002",
    message: /pair is a tuple/,
    at: "pair:",
    path: "Widget.spec.pair",
    hint: /^Kubernetes lists hold one item type: use T\[\]/,
  },
  {
    name: "class with methods",
    prelude: "export class Engine { size = 1; start(): void {} }",
    spec: "{\n  engine: Engine;\n}",
    code: "CRD1002",
    message: /engine\.start is a method/,
    at: "start()",
    path: "Widget.spec.engine.start",
    hint: /remove the method/,
  },
  {
    name: "class accessor (JSON.stringify leaves it out)",
    prelude: "export class Engine { size = 1; get cylinders(): number { return 4; } }",
    spec: "{\n  engine: Engine;\n}",
    code: "CRD1002",
    message: /engine\.cylinders is a class accessor/,
    at: "get cylinders",
    path: "Widget.spec.engine.cylinders",
    hint: /declare a property, or use an interface/,
  },
  {
    name: "Map",
    spec: "{\n  byName: Map<string, string>;\n}",
    code: "CRD1002",
    message: /byName is a Map/,
    at: "byName:",
    path: "Widget.spec.byName",
    hint: /Record<string, T>/,
  },
  {
    // Named, it was "the built-in type ByName", with the hint for URL or ArrayBuffer.
    name: "a Map through an alias",
    prelude: "export type ByName = Map<string, number>;",
    spec: "{\n  byName: ByName;\n}",
    code: "CRD1002",
    message: /byName is a Map,/,
    at: "Map<string, number>",
    path: "Widget.spec.byName",
    hint: /Record<string, T>/,
  },
  {
    name: "recursive type",
    prelude: "export interface Tree {\n  children?: Tree[];\n}",
    spec: "{\n  tree: Tree;\n}",
    code: "CRD1008",
    message: /Tree is recursive \(Tree -> Tree\)/,
    at: "children?:",
    path: "Widget.spec.tree.children[]",
    hint: /@preserveUnknownFields/,
  },
  {
    // No name to refer to: it was read again and again until the call stack ran out.
    name: "an object literal type that holds itself through an indexed access",
    spec: '{\n  nested: {\n    again?: Spec["nested"];\n  };\n}',
    code: "CRD1008",
    message: /^Widget\.spec\.nested is recursive \(Widget\.spec\.nested -> Widget\.spec\.nested\.again\)/,
    at: "again?:",
    path: "Widget.spec.nested.again",
    hint: /@schemaless @preserveUnknownFields/,
  },
  {
    name: "a value's type that holds itself through typeof, in a list",
    prelude: "declare const node: { next?: (typeof node)[] };",
    spec: "{\n  head?: typeof node;\n}",
    code: "CRD1008",
    message: /^Widget\.spec\.head is recursive \(Widget\.spec\.head -> Widget\.spec\.head\.next\[\]\)/,
    at: "next?:",
    path: "Widget.spec.head.next[]",
    hint: /@schemaless @preserveUnknownFields/,
  },
  {
    name: "union of scalars of different types",
    spec: "{\n  value: string | boolean;\n}",
    code: "CRD1010",
    message: /union of string \| boolean/,
    at: "value:",
    path: "Widget.spec.value",
    hint: /^use one type, or tag the property @preserveUnknownFields/,
  },
  {
    name: "union of a string and a number: the hint is int-or-string",
    spec: "{\n  port: string | number;\n}",
    code: "CRD1010",
    message: /union of string \| number/,
    at: "port:",
    path: "Widget.spec.port",
    hint: /@intOrString/,
  },
  {
    name: "a named literal union with a tag of its own, in a wider union: the constraint is named",
    prelude: '/** @maxLength 3 */\nexport type Mode = "A" | "B";',
    spec: '{\n  mode?: Mode | "C";\n}',
    code: "CRD1010",
    message: /members carry constraints of their own \(Mode has maxLength\)/,
    at: "mode?:",
    path: "Widget.spec.mode",
    hint: /^move those tags onto the property/,
  },
  {
    // Kubernetes' words for a schema without a type, not crdgen's ("untyped").
    name: "an int-or-string in a union is named so",
    prelude: "export type IntOrString = number | string;",
    spec: "{\n  value: IntOrString | boolean;\n}",
    code: "CRD1010",
    message: /^A union of int-or-string \| boolean cannot/,
    at: "value:",
    path: "Widget.spec.value",
    hint: /^use one type/,
  },
  {
    name: "one value or a list of them: the hint is the list",
    spec: "{\n  hosts: string | string[];\n}",
    code: "CRD1010",
    message: /union of string \| array/,
    at: "hosts:",
    path: "Widget.spec.hosts",
    hint: /^use the list alone/,
  },
  {
    name: "a recursive alias through union branches: the path is the property's, not the schema's anyOf",
    prelude: "export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };",
    spec: "{\n  json: Json;\n}",
    code: "CRD1008",
    message: /Json is recursive/,
    at: "export type Json",
    path: "Widget.spec.json[]",
    hint: /@preserveUnknownFields/,
  },
  {
    name: "members of an object union that disagree on a property are named",
    spec: "{\n  u: { a: string; v: string } | { b: string; v: number };\n}",
    code: "CRD3003",
    message: /^Members #1 and #2 of the union both have `v`/,
    at: "u:",
    path: "Widget.spec.u",
    hint: /same type/,
  },
];

describe("unsupported types are located errors", () => {
  test.each(cases)("$name", ({ spec, prelude, code, message, at, path, hint }) => {
    const source = withRoot(spec, prelude);
    const result = generateFrom(source);
    expect(result.ok).toBe(false);
    expect(result.files).toEqual([]);
    const error = result.diagnostics.find((d) => d.code === code);
    expect(error, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(error!.message).toMatch(message);
    expect(error!.path).toBe(path);
    expect(error!.hint).toMatch(hint);
    expect(error!.location).toMatchObject({ file: ENTRY, line: lineOf(source, at) });
    expect(error!.location!.column).toBeGreaterThan(0);
  });
});

describe("a union inside a union is one problem", () => {
  test("a parenthesized union is flattened, as TypeScript reads it: one error naming every type", () => {
    const errors = errorsOf(withRoot("{\n  w: (string | number) | boolean;\n}"));
    expect(errors.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        "CRD1010",
        "Widget.spec.w",
        "A union of string | number | boolean cannot be expressed: a Kubernetes field has one type.",
      ],
    ]);
  });

  test("a named union that cannot be lowered, in a wider union, is reported once, never as untyped", () => {
    const errors = errorsOf(withRoot("{\n  n: SN | boolean;\n}", "export type SN = string | number;"));
    expect(errors.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        "CRD1010",
        "Widget.spec.n",
        "A union of string | number cannot be expressed: a Kubernetes field has one type.",
      ],
    ]);
  });
});

describe("a recursion is one problem", () => {
  test("a map whose values are the map or a string: the recursion, not also a union of unknown | string", () => {
    const errors = errorsOf(withRoot("{\n  o?: Obj;\n}", "export type Obj = { [k: string]: Obj | string };"));
    expect(errors.map((d) => [d.code, d.message])).toEqual([
      ["CRD1008", "Obj is recursive (Obj -> Obj); a CRD schema cannot describe recursive types."],
    ]);
  });

  test("an unnamed type each key of a mapped type holds is reported once", () => {
    const spec = '{\n  m?: { [K in "x" | "y"]: { inner?: Spec["m"] } };\n}';
    const errors = errorsOf(withRoot(spec));
    expect(errors.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        "CRD1008",
        "Widget.spec.m.x.inner.x",
        "Widget.spec.m.x is recursive (Widget.spec.m.x -> Widget.spec.m.x.inner.x); a CRD schema cannot describe recursive types.",
      ],
    ]);
  });
});

describe("tags", () => {
  test("unknown tag suggests the closest one", () => {
    const source = withRoot("{\n  /** @maxLenght 3 */\n  name: string;\n}");
    const [error] = errorsOf(source);
    expect(error).toMatchObject({
      code: "CRD1003",
      message: "Unknown tag @maxLenght. Did you mean @maxLength?",
      location: { file: ENTRY, line: lineOf(source, "@maxLenght") },
    });
  });

  test("@default null is refused at the tag, on a nullable field too (the API server drops it)", () => {
    const source = withRoot("{\n  /** @default null */\n  phase?: string | null;\n}");
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "CRD1004",
      location: { file: ENTRY, line: lineOf(source, "@default null") },
    });
    expect(errors[0]!.message).toMatch(/^@default is null, which Kubernetes reads as no default/);
  });

  test("a CRD-level tag on a property is misplaced", () => {
    const [error] = errorsOf(withRoot("{\n  /** @group x.io */\n  name: string;\n}"));
    expect(error).toMatchObject({
      code: "CRD1005",
      message: "@group belongs on a CRD root (a type tagged @crd).",
    });
  });

  test("bad tag values say what was expected", () => {
    const errors = errorsOf(
      withRoot(
        "{\n  /** @minimum lots */\n  a: number;\n  /** @maxLength -1 */\n  b: string;\n  /** @default {bad */\n  c: string;\n  /** @pattern ([a-z */\n  d: string;\n}",
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      '@minimum expects a number, got "lots".',
      '@maxLength expects a non-negative integer, got "-1".',
      "@default expects a JSON value, got {bad.",
      expect.stringMatching(/^@pattern is not a valid regular expression/),
    ]);
  });

  test("a JSON integer JavaScript would round is refused, not rounded silently", () => {
    const errors = errorsOf(
      withRoot(
        '{\n  /** @default 9007199254740993 */\n  a?: number;\n  /** @default {"ids": [1, -12345678901234567890], "s": "99999999999999999999"} */\n  b?: { ids: number[]; s: string };\n}',
      ),
    );
    expect(errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      [
        "CRD1004",
        "@default has the integer 9007199254740993, which a JavaScript number does not keep: it would be written as 9007199254740992.",
        "use an integer within 2^53 (9007199254740991), or a string",
      ],
      [
        "CRD1004",
        "@default has the integer -12345678901234567890, which a JavaScript number does not keep: it would be written as -12345678901234567000.",
        "use an integer within 2^53 (9007199254740991), or a string",
      ],
    ]);
    // Integers written as JavaScript writes them back (2^60 as 1152921504606847000), floats (which
    // round as floats do) and digits in strings are fine.
    expect(
      errorsOf(
        withRoot(
          '{\n  /** @default 9007199254740991 */\n  a?: number;\n  /** @default [-9007199254740991, 1152921504606847000, -42125405551894330, 1.5e300, 12345678901234567890.5] */\n  b?: number[];\n  /** @default "12345678901234567890" */\n  c?: string;\n}',
        ),
      ),
    ).toEqual([]);
  });

  test("an integer a double holds exactly is still refused when the CRD would print other digits", () => {
    // 2^60 is a double, but JavaScript prints it with the shortest digits that read back as it.
    const errors = errorsOf(withRoot("{\n  /** @default 1152921504606846976 */\n  a?: number;\n}"));
    expect(errors.map((e) => e.message)).toEqual([
      "@default has the integer 1152921504606846976, which a JavaScript number does not keep: it would be written as 1152921504606847000.",
    ]);
  });

  test("a number tag with an integer JavaScript would round is refused", () => {
    const errors = errorsOf(
      withRoot(
        "{\n  /** @maximum 9007199254740993 */\n  a: number;\n  /** @minimum -1e30 */\n  b: number;\n}",
      ),
    );
    expect(errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      [
        "CRD1004",
        "@maximum has the integer 9007199254740993, which a JavaScript number does not keep: it would be written as 9007199254740992.",
        "use an integer within 2^53 (9007199254740991)",
      ],
    ]);
  });

  test("a number beyond a float64 is refused, not written as the string Infinity", () => {
    const errors = errorsOf(
      withRoot(
        '{\n  /** @default 1e400 */\n  a?: number;\n  /** @exampleValue {"x": [1, -2e999]} */\n  b?: { x: number[] };\n  /** @maximum 1e400 */\n  c?: number;\n  /** @minimum -Infinity */\n  d?: number;\n  /** @multipleOf 1e-400 */\n  e?: number;\n}',
      ),
    );
    expect(errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      [
        "CRD1004",
        "@default has the number 1e400 (Infinity in JavaScript), beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers.",
        "use a number within ±1.7976931348623157e308, or a string",
      ],
      [
        "CRD1004",
        "@exampleValue has the number -2e999 (-Infinity in JavaScript), beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers.",
        "use a number within ±1.7976931348623157e308, or a string",
      ],
      [
        "CRD1004",
        "@maximum has the number 1e400 (Infinity in JavaScript), beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers.",
        "use a number within ±1.7976931348623157e308",
      ],
      [
        "CRD1004",
        "@minimum has the number -Infinity, beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers.",
        "use a number within ±1.7976931348623157e308",
      ],
      [
        "CRD1004",
        "@multipleOf has the number 1e-400, which a 64-bit float (how Kubernetes reads numbers) rounds to 0.",
        "use a larger number",
      ],
    ]);
    // The largest float64, a 309-digit integer (the inexact-integer error, not this one) and
    // numbers inside strings are not this error.
    const largest = errorsOf(
      withRoot(
        '{\n  /** @maximum 1.7976931348623157e308 */\n  a?: number;\n  /** @default "1e400" */\n  b?: string;\n  /** @multipleOf 5e-324 */\n  c?: number;\n}',
      ),
    );
    expect(largest).toEqual([]);
    expect(
      errorsOf(withRoot(`{\n  /** @default ${"9".repeat(309)} */\n  a?: number;\n}`)).map((e) => e.message),
    ).toEqual([
      `@default has the number ${"9".repeat(309)} (Infinity in JavaScript), beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers.`,
    ]);
  });

  test("documentation-only JSDoc tags are accepted", () => {
    expect(
      errorsOf(
        withRoot(
          "{\n  /**\n   * Name.\n   * @see https://example.com\n   * @example foo\n   */\n  name: string;\n}",
        ),
      ),
    ).toEqual([]);
  });
});

describe("numbers TypeScript reads as other numbers", () => {
  test("an integer literal type beyond 2^53 is a located error, not rounded silently", () => {
    const source = withRoot(
      "{\n  big: 9007199254740993;\n  choice?: 1 | -9_007_199_254_740_995 | 0x20000000000001;\n}",
    );
    const errors = errorsOf(source);
    expect(errors.map((e) => [e.code, e.message, e.path])).toEqual([
      [
        "CRD1002",
        "Widget.spec.big has the integer 9007199254740993, which a JavaScript number does not keep: it would be written as 9007199254740992.",
        "Widget.spec.big",
      ],
      [
        "CRD1002",
        "Widget.spec.choice has the integer -9_007_199_254_740_995, which a JavaScript number does not keep: it would be written as -9007199254740996.",
        "Widget.spec.choice",
      ],
      [
        "CRD1002",
        "Widget.spec.choice has the integer 0x20000000000001, which a JavaScript number does not keep: it would be written as 9007199254740992.",
        "Widget.spec.choice",
      ],
    ]);
    expect(errors[0]!.location).toMatchObject({ line: lineOf(source, "9007199254740993") });
    expect(errors[0]!.hint).toBe("use an integer within 2^53 (9007199254740991), or a string literal");
  });

  test("an enum member beyond 2^53 is refused at the member", () => {
    const source = withRoot(
      "{\n  size: Size;\n}",
      "export enum Size {\n  Small = 1,\n  Huge = 12345678901234567891,\n}\n",
    );
    const errors = errorsOf(source);
    expect(errors.map((e) => e.message)).toEqual([
      "Widget.spec.size has the integer 12345678901234567891, which a JavaScript number does not keep: it would be written as 12345678901234567000.",
    ]);
    expect(errors[0]!.location).toMatchObject({ line: lineOf(source, "Huge") });
  });

  test("a member of a declare enum without an initializer: the hint gives it one", () => {
    const source = withRoot("{\n  e: E;\n  c: C;\n}", 'declare enum E { X, Y }\nenum C { A = "a".length }\n');
    const errors = errorsOf(source);
    expect(errors.map((e) => [e.message, e.hint])).toEqual([
      [
        "Widget.spec.e is a computed enum member, which a CRD schema cannot express.",
        'a `declare enum` member without an initializer has no value TypeScript knows: give each member one (`X = "X"`)',
      ],
      [
        "Widget.spec.c is a computed enum member, which a CRD schema cannot express.",
        "give members constant values (literals, or expressions of constants)",
      ],
    ]);
    expect(errors[0]!.location).toMatchObject({ line: lineOf(source, "X, Y"), column: 18 });
  });

  test("integers written as JavaScript writes them back, floats and safe integers are fine", () => {
    expect(
      errorsOf(
        withRoot(
          "{\n  a: 9007199254740991 | -9007199254740991;\n  b?: 1152921504606847000 | -42125405551894330;\n  c: 1.5e300 | 12345678901234567890.5;\n  d: 0x1F;\n}",
        ),
      ),
    ).toEqual([]);
  });

  test("a literal or enum member beyond a float64 (or NaN) is a located error, not the string Infinity", () => {
    const source = withRoot(
      "{\n  a?: 1e400 | 2;\n  b?: -1e400;\n  big?: Big;\n  nan?: Nan;\n  listed?: Listed;\n}",
      "enum Big {\n  Small = 1,\n  Huge = 1e200 * 1e200,\n}\nenum Nan {\n  A = 0 / 0,\n}\nconst listed = [1, 1e999] as const;\ntype Listed = (typeof listed)[number];\n",
    );
    const errors = errorsOf(source);
    const beyond = "beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers";
    expect(errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      // In source order: the enums and the list come before the root.
      [
        "CRD1002",
        `Widget.spec.big has the number 1e200 * 1e200 (Infinity in JavaScript), ${beyond}.`,
        "use a number within ±1.7976931348623157e308, or a string literal",
      ],
      [
        "CRD1002",
        "Widget.spec.nan has the number 0 / 0 (NaN in JavaScript), which JSON has no value for.",
        "use a number within ±1.7976931348623157e308, or a string literal",
      ],
      [
        "CRD1002",
        `Widget.spec.listed has the number Infinity, ${beyond}.`,
        "use a number within ±1.7976931348623157e308, or a string literal",
      ],
      [
        "CRD1002",
        `Widget.spec.a has the number 1e400 (Infinity in JavaScript), ${beyond}.`,
        "use a number within ±1.7976931348623157e308, or a string literal",
      ],
      [
        "CRD1002",
        `Widget.spec.b has the number -1e400 (-Infinity in JavaScript), ${beyond}.`,
        "use a number within ±1.7976931348623157e308, or a string literal",
      ],
    ]);
    expect(errors.map((e) => e.location?.line)).toEqual([
      lineOf(source, "Huge"),
      lineOf(source, "0 / 0"),
      lineOf(source, "type Listed"),
      lineOf(source, "1e400 | 2"),
      lineOf(source, "-1e400"),
    ]);
  });

  test("2^60 in hex is refused: the CRD would print 1152921504606847000", () => {
    expect(errorsOf(withRoot("{\n  a: 0x1000000000000000;\n}")).map((e) => e.message)).toEqual([
      "Widget.spec.a has the integer 0x1000000000000000, which a JavaScript number does not keep: it would be written as 1152921504606847000.",
    ]);
  });
});

describe("roots", () => {
  test("missing @group and @version", () => {
    const errors = errorsOf("/** @crd */\nexport interface Thing { spec: { a: string } }");
    expect(errors.map((e) => e.message)).toEqual([
      "Thing is tagged @crd but has no @group.",
      "Thing is tagged @crd but has no @version.",
    ]);
    expect(errors[0]!.location).toMatchObject({ line: 2, column: 18 });
  });

  // As controller-gen: cnpg's FailoverQuorum has only a status, clusterctl's Metadata top-level fields.
  test.each([
    [
      "only a status",
      "/** @crd @group a.io @version v1 @subresource status */",
      "{ status?: { a: string } }",
      ["status"],
    ],
    [
      "top-level fields",
      "/** @crd @group a.io @version v1 */",
      "{ releaseSeries?: string[]; data?: Record<string, string> }",
      ["releaseSeries", "data"],
    ],
  ])("a root without spec: %s", (_, doc, body, fields) => {
    const result = generateFrom(`${doc}\nexport interface Thing ${body}`);
    expect(result.diagnostics).toEqual([]);
    const schema = result.ok ? result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema! : {};
    expect(Object.keys(schema.properties ?? {})).toEqual(["apiVersion", "kind", "metadata", ...fields]);
  });

  test("a root that is not exported", () => {
    const [error] = errorsOf("/** @crd @group a.io @version v1 */\ninterface Thing { spec: { a: string } }");
    expect(error!.message).toBe("Thing is tagged @crd but not exported.");
  });

  test("no roots at all", () => {
    const [error] = errorsOf("export interface Nothing { a: string }");
    expect(error!.code).toBe("CRD1007");
  });

  test("syntax errors are reported with their position and nothing else runs", () => {
    const result = generateFrom(
      "/** @crd @group a.io @version v1 */\nexport interface Thing { spec: { a: string }\n",
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: "CRD1001", location: { file: ENTRY, line: 3 } });
  });

  test("type errors in the input are reported like tsc", () => {
    const result = generateFrom(withRoot("{ a: Missing }"));
    expect(result.diagnostics[0]!.message).toMatch(/TS2304: Cannot find name 'Missing'/);
  });
});

describe("maps whose keys follow a pattern", () => {
  test("become maps of their values, with a located warning that the pattern is not enforced", () => {
    const source = withRoot(
      "{\n  ext?: { [k: `x-${string}`]: string };\n  up?: { [k: Uppercase<string>]: number };\n}",
    );
    const result = generateFrom(source);
    expect(result.ok).toBe(true);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.ext).toEqual({ type: "object", additionalProperties: { type: "string" } });
    expect(spec.properties!.up).toEqual({ type: "object", additionalProperties: { type: "number" } });
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path, d.location?.line])).toEqual([
      ["warning", "CRD1015", "Widget.spec.ext", lineOf(source, "ext?:")],
      ["warning", "CRD1015", "Widget.spec.up", lineOf(source, "up?:")],
    ]);
    expect(result.diagnostics[0]!.message).toContain("must match `x-${string}`");
    expect(result.diagnostics[0]!.hint).toContain("self.all(k, k.startsWith('x-'))");
  });

  test("a string index signature beside them wins, and different value types are an error", () => {
    const both = withRoot("{\n  m: { [k: string]: string; [k: `x-${string}`]: string };\n}");
    expect(generateFrom(both).diagnostics).toEqual([]);
    const mixed = withRoot("{\n  m: { [k: `a-${string}`]: string; [k: `b-${string}`]: number };\n}");
    expect(errorsOf(mixed).map((d) => [d.code, d.path])).toEqual([["CRD1002", "Widget.spec.m"]]);
  });
});

describe("an index signature beside named properties", () => {
  test("is a located error whose way out works: @preserveUnknownFields keeps the other keys unchecked", () => {
    const source = withRoot("{\n  extra: { known: string; [key: string]: string };\n}");
    const [error] = errorsOf(source);
    expect([error!.code, error!.path, error!.location?.line]).toEqual([
      "CRD3001",
      "Widget.spec.extra",
      lineOf(source, "extra:"),
    ]);
    expect(error!.hint).toContain("@preserveUnknownFields");
    const tagged = withRoot(
      "{\n  /** @preserveUnknownFields */\n  extra: { known: string; [key: string]: string };\n}",
    );
    const result = generateFrom(tagged);
    expect(result.diagnostics).toEqual([]);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.extra).toEqual({
      type: "object",
      properties: { known: { type: "string" } },
      required: ["known"],
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });
});

describe("a root named as a part of a resource", () => {
  test("@crd on WidgetSpec is a warning saying where the tag goes", () => {
    const result = generateFrom(
      "export interface Widget { spec: WidgetSpec }\n/** @crd @group a.io @version v1 */\nexport interface WidgetSpec { size?: number }",
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.hint])).toEqual([
      [
        "warning",
        "CRD1018",
        "tag the resource type instead (`export interface Widget { spec: WidgetSpec }`), or add @kind WidgetSpec if this is the resource",
      ],
    ]);
  });

  test("an explicit @kind says the name is meant", () => {
    const result = generateFrom(
      "/** @crd @group a.io @version v1 @kind ClusterStatus */\nexport interface ClusterStatus { spec: { a?: string } }",
    );
    expect(result.diagnostics).toEqual([]);
  });
});
