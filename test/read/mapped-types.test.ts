/**
 * Mapped types users write themselves (`Nullable<T>`, key remapping with `as`), `NonNullable` of a
 * named nullable type, and the order of unions the checker computes (`(typeof PHASES)[number]`).
 */
import { describe, expect, test } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { errorsOf, specSchema, withRoot, installedCrdgen } from "../helpers/generate.js";

const PRELUDE = `import type { int32, Quantity } from "crdgen";
export interface Base {
  /** Replicas. @minimum 1 */
  replicas?: int32;
  /** @maxLength 10 */
  name: string;
  size?: Quantity;
}`;

const INT32 = { type: "integer", format: "int32" };

/** crdgen's known types as a user's node_modules holds them. */
const CRDGEN = installedCrdgen("export type int32 = number;\nexport type Quantity = number | string;\n");

/** The spec schema of a root whose spec is `body`, after `prelude`, with crdgen installed. */
function specOf(body: string, prelude: string): JSONSchemaProps {
  return specSchema({ "/project/types.ts": withRoot(body, prelude), ...CRDGEN });
}

describe("a user's mapped type over an interface", () => {
  test("`T[K] | null` keeps each property's written type, tags and doc, made nullable", () => {
    const prelude = `${PRELUDE}\ntype Nullable<T> = { [K in keyof T]: T[K] | null };`;
    const schema = specOf("{ n: Nullable<Base>; p: Partial<Base> }", prelude);
    expect(schema.properties!.n!.properties).toEqual({
      replicas: { ...INT32, description: "Replicas.", minimum: 1, nullable: true },
      name: { type: "string", maxLength: 10, nullable: true },
      size: expect.objectContaining({ "x-kubernetes-int-or-string": true, nullable: true }),
    });
    expect(schema.properties!.n!.required).toEqual(["name"]);
    // Partial keeps them too, without null.
    expect(schema.properties!.p!.properties!.replicas).toEqual({
      ...INT32,
      description: "Replicas.",
      minimum: 1,
    });
  });

  test("over an alias's body written in place, `{ [K in keyof Base]: Base[K] | null }`", () => {
    const schema = specOf("{ n: { [K in keyof Base]: Base[K] | null } }", PRELUDE);
    expect(schema.properties!.n!.properties!.replicas).toMatchObject({ ...INT32, nullable: true });
  });

  test("a template that changes the type reads `T[K]` as the property: its written type and value tags", () => {
    const prelude = `${PRELUDE}
type Lists<T> = { [K in keyof T]: T[K][] };
type Maps<T> = { [K in keyof T]: Record<string, T[K]> };
type Boxed<T> = { [K in keyof T]: { value: T[K] } };`;
    const schema = specOf("{ l: Lists<Base>; m: Maps<Base>; b: Boxed<Base> }", prelude);
    const { l, m, b } = schema.properties!;
    // The description stays with the field; @maxLength and @minimum go to the string and the int32.
    expect(l!.properties!.name).toEqual({ type: "array", items: { type: "string", maxLength: 10 } });
    expect(l!.properties!.replicas).toEqual({
      type: "array",
      description: "Replicas.",
      items: { ...INT32, minimum: 1 },
    });
    expect(l!.required).toEqual(["name"]);
    expect(m!.properties!.replicas).toEqual({
      type: "object",
      description: "Replicas.",
      additionalProperties: { ...INT32, minimum: 1 },
    });
    expect(b!.properties!.name).toEqual({
      type: "object",
      properties: { value: { type: "string", maxLength: 10 } },
      required: ["value"],
    });
    expect(b!.properties!.replicas!.properties!.value).toEqual({ ...INT32, minimum: 1 });
  });

  test("the same, written in place over a named interface", () => {
    const schema = specOf(
      "{ l: { [K in keyof Base]: Base[K][] }; b: { [K in keyof Base]: { value: Base[K] } } }",
      PRELUDE,
    );
    expect(schema.properties!.l!.properties!.name).toEqual({
      type: "array",
      items: { type: "string", maxLength: 10 },
    });
    expect(schema.properties!.b!.properties!.replicas!.properties!.value).toEqual({ ...INT32, minimum: 1 });
  });

  test("two properties of one type keep each its own tags through a generic in the template", () => {
    const prelude = `import type { int32 } from "crdgen";
interface Pair {
  /** @maxLength 3 */
  a: string;
  /** @maxLength 5 */
  b: string;
  c: string;
}
interface Box<T> { value: T }
type Boxes<T> = { [K in keyof T]: Box<T[K]> };`;
    const props = specOf("{ x: Boxes<Pair> }", prelude).properties!.x!.properties!;
    expect(props.a!.properties!.value).toEqual({ type: "string", maxLength: 3 });
    expect(props.b!.properties!.value).toEqual({ type: "string", maxLength: 5 });
    expect(props.c!.properties!.value).toEqual({ type: "string" });
  });

  test("@default, @exampleValue and @immutable, which speak of the old values, are left out", () => {
    const prelude = `interface D {
  /** The mode. @default "a" @immutable @title Mode @maxLength 4 */
  mode?: string;
}
type Lists<T> = { [K in keyof T]: T[K][] };`;
    const schema = specOf("{ l: Lists<D> }", prelude);
    expect(schema.properties!.l!.properties!.mode).toEqual({
      type: "array",
      description: "The mode.",
      title: "Mode",
      items: { type: "string", maxLength: 4 },
    });
  });

  test("a template the reader does not follow keeps the tags of a value of the same kind, drops others", () => {
    const prelude = `interface Inner { a?: string; b?: string }
interface S {
  /** @validation rule="has(self.a) || has(self.b)" */
  inner: Inner;
  /** @maxLength 3 */
  name: string;
}
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
type Listed<T> = { [K in keyof T]: T[K] extends string ? T[K][] : T[K] };`;
    const schema = specOf("{ d: DeepPartial<S>; l: Listed<S> }", prelude);
    expect(schema.properties!.d!.properties!.inner!["x-kubernetes-validations"]).toEqual([
      { rule: "has(self.a) || has(self.b)" },
    ]);
    expect(schema.properties!.d!.properties!.name).toEqual({ type: "string", maxLength: 3 });
    // The checker's string[]: @maxLength was the string's, and there is none to put it on.
    expect(schema.properties!.l!.properties!.name).toEqual({ type: "array", items: { type: "string" } });
  });

  test("a chain of mapped types reads each template in turn, the tags on the item they describe", () => {
    const prelude = `${PRELUDE}
interface Sized {
  /** The name. @maxLength 10 */
  name: string;
  /** @maxLength 20 */
  memory: Quantity;
  count?: int32;
}
type Lists<T> = { [K in keyof T]: T[K][] };
type Nullable<T> = { [K in keyof T]: T[K] | null };`;
    const schema = specOf("{ p: Partial<Lists<Sized>>; n: Nullable<Lists<Sized>> }", prelude);
    const p = schema.properties!.p!;
    expect(p.required).toBeUndefined();
    expect(p.properties!.name).toEqual({
      type: "array",
      description: "The name.",
      items: { type: "string", maxLength: 10 },
    });
    // Partial<Lists<Sized>> checks as (string | number)[]: Lists' template tells it holds quantities.
    expect(p.properties!.memory!.items).toMatchObject({ "x-kubernetes-int-or-string": true, maxLength: 20 });
    expect(p.properties!.count!.items).toEqual(INT32);
    const n = schema.properties!.n!.properties!;
    expect(n.name).toMatchObject({ type: "array", nullable: true, items: { type: "string", maxLength: 10 } });
    expect(n.count).toMatchObject({ type: "array", nullable: true, items: INT32 });
  });

  test("over a Record, each key's value is the Record's value as written", () => {
    const prelude = `${PRELUDE}
/** @minimum 1 */
type Port = int32;
type Ports = Record<"http" | "grpc", Port>;
type Resources = Record<"cpu" | "memory", Quantity>;
type Nullable<T> = { [K in keyof T]: T[K] | null };
type Lists<T> = { [K in keyof T]: T[K][] };`;
    const schema = specOf(
      `{
  n: Nullable<Ports>;
  l: Lists<Ports>;
  p: Partial<Ports>;
  r: Nullable<Resources>;
  m: Nullable<Record<string, Port>>;
  w: Nullable<Record<"a", Port>>;
}`,
      prelude,
    );
    const port = { ...INT32, minimum: 1 };
    const { n, l, p, r, m, w } = schema.properties!;
    expect(n!.properties!.http).toEqual({ ...port, nullable: true });
    expect(l!.properties!.grpc).toEqual({ type: "array", items: port });
    expect(p!.properties!.http).toEqual(port);
    expect(p!.required).toBeUndefined();
    // Not a union of string and number: a quantity, still.
    expect(r!.properties!.cpu).toMatchObject({ "x-kubernetes-int-or-string": true, nullable: true });
    expect(m!.additionalProperties).toEqual({ ...port, nullable: true });
    expect(w!.properties!.a).toEqual({ ...port, nullable: true });
  });

  test("a member a generic base declares (`value: T`) keeps the argument written for it", () => {
    const prelude = `${PRELUDE}
/** @minimum 1 */
type Port = int32;
interface Box<T> {
  /** @maximum 9 */
  value: T;
}
interface Ext extends Box<Port> { extra?: string }
type Opt<T> = { [K in keyof T]?: T[K] };
type Nullable<T> = { [K in keyof T]: T[K] | null };
type Lists<T> = { [K in keyof T]: T[K][] };`;
    const schema = specOf(
      `{
  o: Opt<Ext>;
  p: Pick<Ext, "value">;
  q: Partial<Ext>;
  n: Nullable<Box<Port>>;
  l: Lists<Ext>;
}`,
      prelude,
    );
    const port = { ...INT32, minimum: 1, maximum: 9 };
    const { o, p, q, n, l } = schema.properties!;
    expect(o!.properties!.value).toEqual(port);
    expect(p!.properties!.value).toEqual(port);
    expect(q!.properties!.value).toEqual(port);
    expect(n!.properties!.value).toEqual({ ...port, nullable: true });
    expect(l!.properties!.value).toEqual({ type: "array", items: port });
  });

  test("keys renamed with `as` keep the property's written type and tags", () => {
    const prelude = `${PRELUDE}
type Prefixed<T> = { [K in keyof T as \`x-\${K & string}\`]: T[K] };
type Getters<T> = { [K in keyof T as \`get\${Capitalize<K & string>}\`]: T[K] };
type NoName<T> = { [K in keyof T as Exclude<K, "name">]: T[K] };`;
    const schema = specOf(
      "{ p: Prefixed<Base>; g: Getters<Pick<Base, 'replicas'>>; f: NoName<Base> }",
      prelude,
    );
    expect(schema.properties!.p!.properties).toMatchObject({
      "x-replicas": { ...INT32, minimum: 1, description: "Replicas." },
      "x-name": { type: "string", maxLength: 10 },
    });
    expect(schema.properties!.p!.required).toEqual(["x-name"]);
    expect(schema.properties!.g!.properties!.getReplicas).toMatchObject(INT32);
    expect(Object.keys(schema.properties!.f!.properties!)).toEqual(["replicas", "size"]);
  });
});

describe("NonNullable", () => {
  const prelude = `/** The phase. @maxLength 8 */
type Phase = "A" | "B" | null;
type Again = Phase;
type Plain = "x" | "y";`;

  test("of a named type that admits null leaves null out, keeping the type's doc and tags", () => {
    const schema = specOf(
      "{ phase: Phase; nn: NonNullable<Phase>; again?: NonNullable<Again>; plain: NonNullable<Plain> }",
      prelude,
    );
    const nonNull = { type: "string", enum: ["A", "B"], description: "The phase.", maxLength: 8 };
    expect(schema.properties!.nn).toEqual(nonNull);
    expect(schema.properties!.again).toEqual(nonNull);
    // Phase itself stays nullable.
    expect(schema.properties!.phase).toMatchObject({ nullable: true, enum: ["A", "B", null] });
    expect(schema.properties!.plain).toEqual({ type: "string", enum: ["x", "y"] });
  });
});

describe("a union the checker computes", () => {
  // The first constant creates the literal types "Done", "Running" and 3 before the declarations
  // below mention them: the checker's own order would list them first.
  const prelude = `export const unrelated = { a: "Done" as const, b: "Running" as const, c: 3 as const };
export const PHASES = ["Pending", "Running", "Done"] as const;
export type Phase = (typeof PHASES)[number];
export const Levels = { low: 1, high: 3 } as const;
export type Level = (typeof Levels)[keyof typeof Levels];
interface Obj { pending: string; running: string; done: string }`;

  test("lists its members in source order, whatever other declarations mention them first", () => {
    const schema = specOf(
      `{
  phase: Phase;
  level?: Level;
  keys: keyof Obj;
  kept: Exclude<Phase, "Running">;
  picked: Extract<"Pending" | "Running" | "Done", "Done" | "Pending">;
  list: (typeof PHASES)[number][];
}`,
      prelude,
    );
    expect(schema.properties!.phase!.enum).toEqual(["Pending", "Running", "Done"]);
    expect(schema.properties!.level!.enum).toEqual([1, 3]);
    expect(schema.properties!.keys!.enum).toEqual(["pending", "running", "done"]);
    expect(schema.properties!.kept!.enum).toEqual(["Pending", "Done"]);
    expect(schema.properties!.picked!.enum).toEqual(["Pending", "Done"]);
    expect((schema.properties!.list!.items as { enum: unknown[] }).enum).toEqual([
      "Pending",
      "Running",
      "Done",
    ]);
  });

  test("of an enum's members keeps the enum's reading", () => {
    const schema = specOf(
      "{ c: (typeof Colors)[keyof typeof Colors] }",
      `export enum Color { Red = "red", Green = "green" }\nexport const Colors = { g: Color.Green, r: Color.Red } as const;`,
    );
    expect(schema.properties!.c).toMatchObject({ type: "string", enum: ["red", "green"] });
  });
});

describe("a recursive mapped type", () => {
  test("over a recursive interface is the located recursion error, read once per property", () => {
    const prelude = `export interface Tree {
  left?: Tree;
  right?: Tree;
  middle?: Tree;
  value: string;
}
type DeepOpt<T> = { [K in keyof T]?: DeepOpt<T[K]> };
type DeepLists<T> = { [K in keyof T]: DeepLists<T[K]>[] };`;
    const started = performance.now();
    const errors = errorsOf({
      "/project/types.ts": withRoot("{ d: DeepOpt<Tree>; l: DeepLists<Tree> }", prelude),
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === "CRD1008")).toBe(true);
    // Three recursive properties, 16 levels: a reading per member would never end.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
