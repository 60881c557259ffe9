/**
 * Aliases of primitives reached through generics, Records, mapped types and indexed access keep
 * what the user wrote (`int32`, a tagged `Port`): the checker instantiates them away, so the
 * reader follows the written type arguments (src/read/type-arguments.ts).
 */
import { describe, expect, test } from "vitest";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

const PRELUDE = `type int32 = number;
type IntOrString = number | string;
/** A port. @minimum 1 */
type Port = int32;
export interface Box<T> { value: T; list: T[]; opt?: T; maybe?: T | null }`;

const PORT = { type: "integer", format: "int32", minimum: 1, description: "A port." };
const INT32 = { type: "integer", format: "int32" };

describe("a generic's type arguments as written", () => {
  test("reach every use of the parameter: plain, in a list, optional, nullable", () => {
    const spec = specSchema(withRoot("{ box: Box<Port>; ints: Box<int32>; plain: Box<number> }", PRELUDE));
    expect(spec.properties!.box).toEqual({
      type: "object",
      properties: {
        value: PORT,
        list: { type: "array", items: PORT },
        opt: PORT,
        maybe: { ...PORT, nullable: true },
      },
      required: ["list", "value"],
    });
    expect(spec.properties!.ints!.properties!.value).toEqual(INT32);
    // The same checked type (Box<number>) written three ways: three readings.
    expect(spec.properties!.plain!.properties!.value).toEqual({ type: "number" });
  });

  test("pass through a generic that hands its parameter on, and through a generic alias of an object", () => {
    const prelude = `${PRELUDE}
export interface Outer<U> { inner: Box<U>; direct: U }
/** A pair. */
export type Pair<T> = { left: T; right?: T };`;
    const spec = specSchema(withRoot("{ outer: Outer<Port>; pair: Pair<int32> }", prelude));
    expect(spec.properties!.outer!.properties!.inner!.properties!.value).toEqual(PORT);
    expect(spec.properties!.outer!.properties!.direct).toEqual(PORT);
    expect(spec.properties!.pair).toEqual({
      type: "object",
      description: "A pair.",
      properties: { left: INT32, right: INT32 },
      required: ["left"],
    });
  });

  test("index signatures of a generic take T[], T | null and T", () => {
    const prelude = `${PRELUDE}
export interface Lists<T> { [key: string]: T[] }
export interface Nullables<T> { [key: string]: T | null }`;
    const spec = specSchema(withRoot("{ lists: Lists<Port>; nullables: Nullables<string> }", prelude));
    expect(spec.properties!.lists!.additionalProperties).toEqual({ type: "array", items: PORT });
    expect(spec.properties!.nullables!.additionalProperties).toEqual({ type: "string", nullable: true });
  });

  test("a generic alias of a list, a union or a scalar keeps its doc comment and tags", () => {
    const prelude = `${PRELUDE}
/** Never empty. @minItems 1 */
export type NonEmpty<T> = T[];
/** Maybe there. */
export type Maybe<T> = T | null;
/** Short. @maxLength 5 */
export type Short<T extends string = string> = T;`;
    const spec = specSchema(withRoot("{ ports: NonEmpty<Port>; m: Maybe<string>; s: Short }", prelude));
    expect(spec.properties!.ports).toEqual({
      type: "array",
      description: "Never empty.",
      minItems: 1,
      items: PORT,
    });
    expect(spec.properties!.m).toEqual({ type: "string", description: "Maybe there.", nullable: true });
    expect(spec.properties!.s).toEqual({ type: "string", description: "Short.", maxLength: 5 });
  });
});

describe("an instance reached through an alias, a base or a utility type keeps its written arguments", () => {
  test("a non-generic alias of an instance, and a generic alias handing its parameter on", () => {
    // The checker names `Box<int32>` after the alias that writes it, which hid Box.
    const prelude = `${PRELUDE}
/** Ints in a box. */
type IntBox = Box<int32>;
export type Wrap<T> = Box<T>;`;
    const spec = specSchema(withRoot("{ ints: IntBox; wrapped: Wrap<Port>; plain: Wrap<number> }", prelude));
    expect(spec.properties!.ints!.description).toBe("Ints in a box.");
    expect(spec.properties!.ints!.properties!.value).toEqual(INT32);
    expect(spec.properties!.ints!.properties!.list).toEqual({ type: "array", items: INT32 });
    expect(spec.properties!.wrapped!.properties!.maybe).toEqual({ ...PORT, nullable: true });
    expect(spec.properties!.plain!.properties!.value).toEqual({ type: "number" });
  });

  test("members inherited from a generic base take the arguments its extends clause writes", () => {
    const prelude = `${PRELUDE}
export interface IntBox extends Box<int32> { own: int32 }
export interface Outer<U> extends Box<U> { direct: U }
export interface Mid extends Outer<Port> {}
export class Holder<T> { held!: T }
export class PortHolder extends Holder<Port> {}`;
    const spec = specSchema(
      withRoot(
        "{ ints: IntBox; outer: Outer<int32>; mid: Mid; holder: PortHolder; plain: Outer<number> }",
        prelude,
      ),
    );
    expect(spec.properties!.ints!.properties!.value).toEqual(INT32);
    expect(spec.properties!.ints!.properties!.own).toEqual(INT32);
    expect(spec.properties!.outer!.properties!.value).toEqual(INT32);
    expect(spec.properties!.outer!.properties!.direct).toEqual(INT32);
    expect(spec.properties!.mid!.properties!.list).toEqual({ type: "array", items: PORT });
    expect(spec.properties!.holder!.properties!.held).toEqual(PORT);
    expect(spec.properties!.plain!.properties!.value).toEqual({ type: "number" });
  });

  test("Partial, Pick and an indexed access of an instance", () => {
    const spec = specSchema(
      withRoot(
        '{ p: Partial<Box<int32>>; k: Pick<Box<Port>, "value">; i: Box<int32>["value"]; n: Partial<Box<number>> }',
        PRELUDE,
      ),
    );
    expect(spec.properties!.p!.properties!.value).toEqual(INT32);
    expect(spec.properties!.p!.required).toBeUndefined();
    expect(spec.properties!.k).toEqual({ type: "object", properties: { value: PORT }, required: ["value"] });
    expect(spec.properties!.i).toEqual(INT32);
    expect(spec.properties!.n!.properties!.value).toEqual({ type: "number" });
  });

  test("an instance in an intersection, directly, in an alias or through a base", () => {
    const prelude = `${PRELUDE}
export interface IntBoxI extends Box<int32> {}
type Both = Box<Port> & { more: string };`;
    const spec = specSchema(
      withRoot(
        "{ x: Box<int32> & { more: string }; o?: ({ more: string } & (Box<Port>)); a: Both; b: IntBoxI & { more: string }; n: Box<number> & { more: string } }",
        prelude,
      ),
    );
    expect(spec.properties!.x).toEqual({
      type: "object",
      properties: {
        value: INT32,
        list: { type: "array", items: INT32 },
        opt: INT32,
        maybe: { ...INT32, nullable: true },
        more: { type: "string" },
      },
      required: ["list", "more", "value"],
    });
    expect(spec.properties!.o!.properties!.value).toEqual(PORT);
    expect(spec.properties!.a!.properties!.list).toEqual({ type: "array", items: PORT });
    expect(spec.properties!.b!.properties!.value).toEqual(INT32);
    expect(spec.properties!.n!.properties!.value).toEqual({ type: "number" });
  });

  test("an intersection inside a generic, with the generic's parameter as the instance's argument", () => {
    const prelude = `${PRELUDE}
export interface Outer<U> { both: Box<U> & { more: U } }`;
    const spec = specSchema(withRoot("{ o: Outer<Port>; n: Outer<number> }", prelude));
    expect(spec.properties!.o!.properties!.both!.properties!.value).toEqual(PORT);
    expect(spec.properties!.o!.properties!.both!.properties!.more).toEqual(PORT);
    expect(spec.properties!.n!.properties!.both!.properties!.value).toEqual({ type: "number" });
  });

  test("Readonly<X> is X as written; a map under Partial is the same map", () => {
    const prelude = `${PRELUDE}
/** Limits. @minProperties 1 */
export interface Limits { cpu?: int32 }`;
    const spec = specSchema(
      withRoot(
        "{ m: Readonly<Record<string, int32>>; p: Partial<Record<string, Port>>; l: Readonly<int32[]>; b: Readonly<Box<int32>>; o: Readonly<Limits> }",
        prelude,
      ),
    );
    expect(spec.properties!.m).toEqual({ type: "object", additionalProperties: INT32 });
    expect(spec.properties!.p).toEqual({ type: "object", additionalProperties: PORT });
    expect(spec.properties!.l).toEqual({ type: "array", items: INT32 });
    expect(spec.properties!.b!.properties!.value).toEqual(INT32);
    // The named type's own doc comment and tags apply, as for `Limits` itself.
    expect(spec.properties!.o).toEqual({
      type: "object",
      description: "Limits.",
      minProperties: 1,
      properties: { cpu: INT32 },
    });
  });
});

test("a class's constructor parameter properties read their written types", () => {
  const prelude = `${PRELUDE}
export class Holder {
  constructor(
    public port: Port,
    readonly count?: int32,
    private hidden?: string,
  ) {}
}`;
  const spec = specSchema(withRoot('{ holder: Holder; count: Holder["count"] }', prelude));
  expect(spec.properties!.holder).toEqual({
    type: "object",
    properties: { port: PORT, count: INT32 },
    required: ["port"],
  });
  expect(spec.properties!.count).toEqual(INT32);
});

describe("objects of listed keys read their values as written", () => {
  test("Record<literal keys, V> and mapped types over literal keys", () => {
    const prelude = `${PRELUDE}
type Keys = "x" | "y";
export type ByKey<T> = { [K in Keys]: T };`;
    const spec = specSchema(
      withRoot(
        '{ rec: Record<Keys, int32>; mapped: { [K in Keys]?: Port }; alias: ByKey<Port>; res: Record<"cpu" | "memory", IntOrString> }',
        prelude,
      ),
    );
    expect(spec.properties!.rec).toEqual({
      type: "object",
      properties: { x: INT32, y: INT32 },
      required: ["x", "y"],
    });
    expect(spec.properties!.mapped).toEqual({ type: "object", properties: { x: PORT, y: PORT } });
    expect(spec.properties!.alias!.properties!.y).toEqual(PORT);
    expect(spec.properties!.res!.properties!.cpu).toMatchObject({ "x-kubernetes-int-or-string": true });
  });

  test("Partial and Required of such a Record", () => {
    const spec = specSchema(
      withRoot('{ p: Partial<Record<"replicas", Port>>; r: Required<Record<"a", int32>> }', PRELUDE),
    );
    expect(spec.properties!.p).toEqual({ type: "object", properties: { replicas: PORT } });
    expect(spec.properties!.r).toEqual({ type: "object", properties: { a: INT32 }, required: ["a"] });
  });

  test("a mapped type whose value depends on the key reads each key's property as written", () => {
    const prelude = `${PRELUDE}\nexport interface Src { a: Port; b: string }`;
    const spec = specSchema(withRoot("{ m: { [K in keyof Src]: Src[K][] } }", prelude));
    expect(spec.properties!.m!.properties!.a).toEqual({ type: "array", items: PORT });
    expect(spec.properties!.m!.properties!.b).toEqual({ type: "array", items: { type: "string" } });
  });
});

test("an indexed access to a property reads the property's written type", () => {
  const prelude = `${PRELUDE}\nexport interface HasPort { port: Port; count: int32 }`;
  const spec = specSchema(withRoot('{ p: HasPort["port"]; c: HasPort["count"] }', prelude));
  expect(spec.properties!.p).toEqual(PORT);
  expect(spec.properties!.c).toEqual(INT32);
});

test("an indexed access to a property carries the property's value tags, narrowed by the field's own", () => {
  const prelude = `${PRELUDE}
export interface Src {
  /**
   * How many. @minimum 1 @maximum 100 @default 3 @immutable
   */
  replicas: int32;
  /** @pattern ^[a-z]+$ @maxLength 63 */
  name?: string;
  /** @description The plain one. */
  plain: int32;
}`;
  const spec = specSchema(
    withRoot(
      '{\n  r: Src["replicas"];\n  /** Mine. @maximum 10 */\n  mine: Src["replicas"];\n  names: Src["name"][];\n  p: Src["plain"];\n}',
      prelude,
    ),
  );
  // Not its description (nor a @description tag), default or immutability: those are about that field.
  expect(spec.properties!.r).toEqual({ ...INT32, minimum: 1, maximum: 100 });
  expect(spec.properties!.mine).toEqual({ ...INT32, description: "Mine.", minimum: 1, maximum: 10 });
  expect(spec.properties!.names!.items).toEqual({ type: "string", pattern: "^[a-z]+$", maxLength: 63 });
  expect(spec.properties!.p).toEqual(INT32);
});

describe("TypeScript's own object types", () => {
  test("are one error at the field that uses them, not one per method inside lib files", () => {
    const errors = errorsOf(
      withRoot("{\n  u: URL;\n  b: ArrayBuffer;\n  r: Readonly<Date>;\n  k: PropertyKey;\n  e: Error;\n}"),
    );
    expect(errors.map((d) => [d.path, d.location?.line, d.message.replace(/^\S+ /, "")])).toEqual([
      ["Widget.spec.u", 9, "is the built-in type URL, which a CRD schema cannot express."],
      ["Widget.spec.b", 10, "is the built-in type ArrayBuffer, which a CRD schema cannot express."],
      ["Widget.spec.r", 11, "is the built-in type Readonly<Date>, which a CRD schema cannot express."],
      ["Widget.spec.k", 12, "is a symbol, which a CRD schema cannot express."],
      ["Widget.spec.e", 13, "is an Error, which a CRD schema cannot express."],
    ]);
  });
});

test("`number | int32` is a number: every integer is one", () => {
  const spec = specSchema(withRoot("{ n: number | int32; box: Box<number | int32> }", PRELUDE));
  expect(spec.properties!.n).toEqual({ type: "number" });
  expect(spec.properties!.box!.properties!.value).toEqual({ type: "number" });
});

test("a recursive alias as a type argument is the located recursion error, not a stack overflow", () => {
  const prelude = `${PRELUDE}\nexport type Json = string | number | boolean | null | Json[] | { [k: string]: Json };`;
  const errors = errorsOf(withRoot("{ box: Box<Json> }", prelude));
  expect(new Set(errors.map((d) => d.code))).toEqual(new Set(["CRD1008", "CRD1010"]));
});

test("NonNullable of a written union keeps its members as written", () => {
  const spec = specSchema(
    withRoot("{ nn: NonNullable<Port | null>; opt?: NonNullable<Port | undefined> }", PRELUDE),
  );
  expect(spec.properties!.nn).toEqual(PORT);
  expect(spec.properties!.opt).toEqual(PORT);
});
