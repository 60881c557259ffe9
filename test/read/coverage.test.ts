/**
 * Every row of the core issue's TypeScript coverage list, as input and exact expected schema.
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

interface Case {
  name: string;
  spec: string;
  prelude?: string;
  expected: unknown;
}

const cases: Case[] = [
  {
    // A getter in a type is a property to TypeScript; its doc comment is read like a property's.
    name: "accessors in a type literal are properties",
    spec: "{\n  /** The a. @maxLength 3 */\n  get a(): string;\n  set a(v: string);\n  set b(v: number);\n}",
    expected: {
      type: "object",
      properties: { a: { type: "string", description: "The a.", maxLength: 3 }, b: { type: "number" } },
      required: ["a", "b"],
    },
  },
  {
    name: "string, number, boolean; required sorted, optional omitted",
    spec: "{ zeta: string; alpha: number; flag?: boolean }",
    expected: {
      type: "object",
      properties: { zeta: { type: "string" }, alpha: { type: "number" }, flag: { type: "boolean" } },
      required: ["alpha", "zeta"],
    },
  },
  {
    name: "string literal union -> enum",
    spec: '{ mode: "a" | "b" | "c" }',
    expected: {
      type: "object",
      properties: { mode: { type: "string", enum: ["a", "b", "c"] } },
      required: ["mode"],
    },
  },
  {
    name: "single literal -> one-value enum",
    spec: '{ kind2: "Fixed" }',
    expected: {
      type: "object",
      properties: { kind2: { type: "string", enum: ["Fixed"] } },
      required: ["kind2"],
    },
  },
  {
    name: "integer literal union -> integer enum",
    spec: "{ replicas: 1 | 3 | 5 }",
    expected: {
      type: "object",
      properties: { replicas: { type: "integer", enum: [1, 3, 5] } },
      required: ["replicas"],
    },
  },
  {
    name: "string TS enum",
    prelude: 'export enum Color { Red = "red", Green = "green" }',
    spec: "{ color: Color }",
    expected: {
      type: "object",
      properties: { color: { type: "string", enum: ["red", "green"] } },
      required: ["color"],
    },
  },
  {
    // The checked type of `c?: Color` is Color's members | undefined: the enum is read from the
    // reference, so an optional field keeps its doc comment and tags, as a required one does.
    name: "a documented TS enum, required, optional and tagged",
    prelude: '/** A color. @minLength 3 */\nexport enum Color { Red = "red", Green = "green" }',
    spec: '{\n  a: Color;\n  b?: Color;\n  /** @default "red" */\n  c?: Color;\n  d?: Color | null;\n}',
    expected: {
      type: "object",
      properties: {
        a: { type: "string", enum: ["red", "green"], description: "A color.", minLength: 3 },
        b: { type: "string", enum: ["red", "green"], description: "A color.", minLength: 3 },
        c: { type: "string", enum: ["red", "green"], description: "A color.", minLength: 3, default: "red" },
        d: {
          type: "string",
          enum: ["red", "green", null],
          nullable: true,
          description: "A color.",
          minLength: 3,
        },
      },
      required: ["a"],
    },
  },
  {
    // The "enum-like const" idiom: a value and a type of one name. The reference names the type.
    name: "a type alias that shares its name with a const keeps its doc comment and tags",
    prelude: `export const Phase = { Pending: "Pending", Running: "Running" } as const;
/** The phase. @maxLength 9 */
export type Phase = (typeof Phase)[keyof typeof Phase];
export const Limits = { max: 3 };
/** The limits. */
export type Limits = { max: number };`,
    spec: "{\n  phase?: Phase;\n  phases?: Phase[];\n  limits: Limits;\n}",
    expected: {
      type: "object",
      properties: {
        phase: { type: "string", enum: ["Pending", "Running"], description: "The phase.", maxLength: 9 },
        phases: {
          type: "array",
          items: { type: "string", enum: ["Pending", "Running"], description: "The phase.", maxLength: 9 },
        },
        limits: {
          type: "object",
          description: "The limits.",
          properties: { max: { type: "number" } },
          required: ["max"],
        },
      },
      required: ["limits"],
    },
  },
  {
    name: "aliases named like Object's members are the user's own types",
    prelude: "/** A note. */\nexport type toString = string;\nexport type constructor = boolean;",
    spec: "{ a: toString; b?: constructor }",
    expected: {
      type: "object",
      properties: { a: { type: "string", description: "A note." }, b: { type: "boolean" } },
      required: ["a"],
    },
  },
  {
    name: "the wrapper types String, Number and Boolean hold their primitives",
    spec: "{ s: String; n?: Number; b?: Boolean }",
    expected: {
      type: "object",
      properties: { s: { type: "string" }, n: { type: "number" }, b: { type: "boolean" } },
      required: ["s"],
    },
  },
  {
    name: "numeric TS enum",
    prelude: "export enum Level { Low = 1, High = 10 }",
    spec: "{ level?: Level }",
    expected: { type: "object", properties: { level: { type: "integer", enum: [1, 10] } } },
  },
  {
    name: "T | null -> nullable, never a null branch; a nullable enum lists null",
    spec: "{ note: string | null; mode?: 'x' | 'y' | null }",
    expected: {
      type: "object",
      properties: {
        note: { type: "string", nullable: true },
        mode: { type: "string", enum: ["x", "y", null], nullable: true },
      },
      required: ["note"],
    },
  },
  {
    name: "arrays, ReadonlyArray, readonly T[] and Array<T>",
    spec: "{ a: string[]; b: ReadonlyArray<number>; c: readonly boolean[]; d?: Array<string> }",
    expected: {
      type: "object",
      properties: {
        a: { type: "array", items: { type: "string" } },
        b: { type: "array", items: { type: "number" } },
        c: { type: "array", items: { type: "boolean" } },
        d: { type: "array", items: { type: "string" } },
      },
      required: ["a", "b", "c"],
    },
  },
  {
    name: "nested interfaces and type aliases, with docs",
    prelude: `
/** Where to reach it. */
export interface Endpoint { host: string; port?: number }
export type Endpoints = Endpoint[];`,
    spec: "{\n/** The primary endpoint. */\nprimary: Endpoint; others?: Endpoints; inline: { x: string } }",
    expected: {
      type: "object",
      properties: {
        primary: {
          type: "object",
          description: "The primary endpoint.",
          properties: { host: { type: "string" }, port: { type: "number" } },
          required: ["host"],
        },
        others: {
          type: "array",
          items: {
            type: "object",
            description: "Where to reach it.",
            properties: { host: { type: "string" }, port: { type: "number" } },
            required: ["host"],
          },
        },
        inline: { type: "object", properties: { x: { type: "string" } }, required: ["x"] },
      },
      required: ["inline", "primary"],
    },
  },
  {
    name: "Record<string, T> and index signatures -> additionalProperties; Record<string, never> is an empty object",
    spec: "{ labels: Record<string, string>; counts?: { [name: string]: number }; empty?: Record<string, never> }",
    expected: {
      type: "object",
      properties: {
        labels: { type: "object", additionalProperties: { type: "string" } },
        counts: { type: "object", additionalProperties: { type: "number" } },
        empty: { type: "object" },
      },
      required: ["labels"],
    },
  },
  {
    name: "intersection of object types is merged",
    prelude: "interface A { a: string } interface B { b?: number }",
    spec: "{ both: A & B }",
    expected: {
      type: "object",
      properties: {
        both: {
          type: "object",
          properties: { a: { type: "string" }, b: { type: "number" } },
          required: ["a"],
        },
      },
      required: ["both"],
    },
  },
  {
    name: "generics instantiated with concrete types",
    prelude: "interface Box<T> { value: T; values?: T[] } interface Pair<K, V> { key: K; val: V | null }",
    spec: "{ box: Box<string>; pair: Pair<number, boolean> }",
    expected: {
      type: "object",
      properties: {
        box: {
          type: "object",
          properties: { value: { type: "string" }, values: { type: "array", items: { type: "string" } } },
          required: ["value"],
        },
        pair: {
          type: "object",
          properties: { key: { type: "number" }, val: { type: "boolean", nullable: true } },
          required: ["key", "val"],
        },
      },
      required: ["box", "pair"],
    },
  },
  {
    name: "utility types: Partial, Required, Pick, Omit, Readonly",
    prelude: "interface Full {\n/** doc a */\na: string; b?: number; c: boolean }",
    spec: "{ p: Partial<Full>; r: Required<Full>; k: Pick<Full, 'a' | 'b'>; o: Omit<Full, 'a'>; ro: Readonly<Full> }",
    expected: {
      type: "object",
      properties: {
        p: {
          type: "object",
          properties: {
            a: { type: "string", description: "doc a" },
            b: { type: "number" },
            c: { type: "boolean" },
          },
        },
        r: {
          type: "object",
          properties: {
            a: { type: "string", description: "doc a" },
            b: { type: "number" },
            c: { type: "boolean" },
          },
          required: ["a", "b", "c"],
        },
        k: {
          type: "object",
          properties: { a: { type: "string", description: "doc a" }, b: { type: "number" } },
          required: ["a"],
        },
        o: { type: "object", properties: { b: { type: "number" }, c: { type: "boolean" } }, required: ["c"] },
        ro: {
          type: "object",
          properties: {
            a: { type: "string", description: "doc a" },
            b: { type: "number" },
            c: { type: "boolean" },
          },
          required: ["a", "c"],
        },
      },
      required: ["k", "o", "p", "r", "ro"],
    },
  },
  {
    name: "Date -> string date-time",
    spec: "{ at: Date }",
    expected: {
      type: "object",
      properties: { at: { type: "string", format: "date-time" } },
      required: ["at"],
    },
  },
  {
    name: "unknown and any -> preserve unknown fields",
    spec: "{ u: unknown; a?: any }",
    expected: {
      type: "object",
      properties: {
        u: { "x-kubernetes-preserve-unknown-fields": true },
        a: { "x-kubernetes-preserve-unknown-fields": true },
      },
      required: ["u"],
    },
  },
  {
    name: "int32/int64/integer aliases recognised by name; @format int32 on number",
    prelude: "type int32 = number; type int64 = number; type integer = number;",
    spec: "{ a: int32; b: int64; c: integer;\n/** @format int32 */\nd: number; e?: int32[] }",
    expected: {
      type: "object",
      properties: {
        a: { type: "integer", format: "int32" },
        b: { type: "integer", format: "int64" },
        c: { type: "integer" },
        d: { type: "integer", format: "int32" },
        e: { type: "array", items: { type: "integer", format: "int32" } },
      },
      required: ["a", "b", "c", "d"],
    },
  },
  {
    name: "tags on an alias of a primitive apply wherever it is used; field doc wins over type doc",
    prelude: `
/**
 * A DNS label.
 * @maxLength 63
 * @pattern ^[a-z0-9-]+$
 */
export type Label = string;`,
    spec: "{\n/** The owner. */\nowner: Label; other?: Label }",
    expected: {
      type: "object",
      properties: {
        owner: { type: "string", description: "The owner.", maxLength: 63, pattern: "^[a-z0-9-]+$" },
        other: { type: "string", description: "A DNS label.", maxLength: 63, pattern: "^[a-z0-9-]+$" },
      },
      required: ["owner"],
    },
  },
  {
    name: "boolean | null and boolean literals",
    spec: "{ b: boolean | null; t: true }",
    expected: {
      type: "object",
      properties: { b: { type: "boolean", nullable: true }, t: { type: "boolean", enum: [true] } },
      required: ["b", "t"],
    },
  },
  {
    // `{}` alone is an error (errors.test.ts); beside a primitive it only brands or opens it.
    name: 'branded primitives and open string unions (`"a" | (string & {})`) are their primitive',
    prelude:
      'type Email = string & { __brand: "Email" };\n/** @minimum 1 */\ntype Count = number & { readonly __count: unique symbol };',
    spec: '{ email: Email; count: Count; mode: "Fast" | "Slow" | (string & {}) }',
    expected: {
      type: "object",
      properties: {
        email: { type: "string" },
        count: { type: "number", minimum: 1 },
        mode: { type: "string" },
      },
      required: ["count", "email", "mode"],
    },
  },
  {
    name: "optional via `| undefined`",
    spec: "{ maybe: string | undefined }",
    expected: { type: "object", properties: { maybe: { type: "string" } } },
  },
  {
    // The checker reads `unknown | undefined` as `unknown`: the written `| undefined` still says optional.
    name: "optional via `| undefined` of `unknown` and `any`",
    spec: "{ a: unknown | undefined; b: (any | undefined); c: unknown }",
    expected: {
      type: "object",
      properties: {
        a: { "x-kubernetes-preserve-unknown-fields": true },
        b: { "x-kubernetes-preserve-unknown-fields": true },
        c: { "x-kubernetes-preserve-unknown-fields": true },
      },
      required: ["c"],
    },
  },
  {
    // TypeScript reads a union with `unknown` or `any` as that: any value, whatever else is written.
    name: "a written union with `unknown` or `any` in it is any value",
    prelude: "type IntOrString = number | string;",
    spec: "{ a: (IntOrString) | (unknown) | (number); b: string | any }",
    expected: {
      type: "object",
      properties: {
        a: { "x-kubernetes-preserve-unknown-fields": true },
        b: { "x-kubernetes-preserve-unknown-fields": true },
      },
      required: ["a", "b"],
    },
  },
];

describe("TypeScript coverage", () => {
  test.each(cases)("$name", ({ spec, prelude, expected }) => {
    expect(specSchema(withRoot(spec, prelude))).toEqual(expected);
  });
});

describe("imports", () => {
  test("types imported from another file", () => {
    const schema = specSchema({
      "/project/types.ts": withRoot("{ ref: Shared }", 'import type { Shared } from "./shared.js";'),
      "/project/shared.ts": "/** Shared thing. */ export interface Shared { id: string }",
    });
    expect(schema.properties!.ref).toEqual({
      type: "object",
      description: "Shared thing.",
      properties: { id: { type: "string" } },
      required: ["id"],
    });
  });

  test("types imported from node_modules", () => {
    const schema = specSchema({
      "/project/types.ts": withRoot("{ ext: External }", 'import type { External } from "extlib";'),
      "/project/node_modules/extlib/package.json": JSON.stringify({ name: "extlib", types: "index.d.ts" }),
      "/project/node_modules/extlib/index.d.ts":
        "export interface External {\n/** size */\nsize: number; tags?: string[] }",
    });
    expect(schema.properties!.ext).toEqual({
      type: "object",
      properties: {
        size: { type: "number", description: "size" },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["size"],
    });
  });
});
