/**
 * Instantiations of the user's generic types (`Page<Item>`) are read as named types: each is
 * read once, keeps its declaration's doc comment and tags, and a recursive one is a located
 * CRD1008 error instead of a conversion without end.
 */
import { describe, expect, test } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

const PAGE = `/** A page of results. @minProperties 1 */
export interface Page<T> {
  /** The results. @maxItems 50 */
  items: T[];
  next?: string;
}
/** A named value. */
export type Named<T> = { name: string; value: T };
export interface Item { id: string }`;

describe("generic instantiations", () => {
  test("keep the generic declaration's description and tags, with the type argument's schema inside", () => {
    const spec = specSchema(
      withRoot("{\n  items: Page<Item>;\n  counts?: Page<number>;\n  size?: Named<number>;\n}", PAGE),
    );
    expect(spec.properties!.items).toEqual({
      type: "object",
      description: "A page of results.",
      minProperties: 1,
      properties: {
        items: {
          type: "array",
          description: "The results.",
          maxItems: 50,
          items: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        },
        next: { type: "string" },
      },
      required: ["items"],
    });
    expect(spec.properties!.counts!.properties!.items!.items).toEqual({ type: "number" });
    expect(spec.properties!.size).toEqual({
      type: "object",
      description: "A named value.",
      properties: { name: { type: "string" }, value: { type: "number" } },
      required: ["name", "value"],
    });
  });

  test("a field's own doc wins over the generic's, as for any named type", () => {
    const spec = specSchema(withRoot("{\n  /** Own words. */\n  items: Page<Item>;\n}", PAGE));
    expect(spec.properties!.items!.description).toBe("Own words.");
    expect(spec.properties!.items!.minProperties).toBe(1);
  });

  test("nest without being taken for recursion", () => {
    const spec = specSchema(withRoot("{ pages: Page<Page<Item>> }", PAGE));
    const inner = spec.properties!.pages!.properties!.items!.items as JSONSchemaProps;
    expect(inner.description).toBe("A page of results.");
    expect(inner.properties!.items!.items).toMatchObject({ properties: { id: { type: "string" } } });
  });

  test("TypeScript's own generics describe nothing: Partial's lib comment is not a field's", () => {
    const spec = specSchema(withRoot("{ item?: Partial<Item>; some?: Pick<Item, 'id'> }", PAGE));
    expect(spec.properties!.item).toEqual({ type: "object", properties: { id: { type: "string" } } });
    expect(spec.properties!.some).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
      required: ["id"],
    });
  });

  test("a type argument named in a parameter's constraint or default keeps its tags, written or defaulted", () => {
    const prelude = `/** A port. @validation rule="self.p > 0" */
export interface Port { p: number }
/** @maxLength 10 */
export type Short = string;
export interface Holder<T extends Port = Port> { item: T }
export type Labelled<T extends Short = Short> = { label?: T; labels?: T[] };
export interface Outer<T extends Port = Port> { inner: Holder<T> }`;
    const spec = specSchema(
      withRoot(
        "{ a: Holder<Port>; b: Holder; c: Labelled<Short>; d: Labelled; e: Outer; f: Labelled<'x'> }",
        prelude,
      ),
    );
    const port = {
      type: "object",
      description: "A port.",
      properties: { p: { type: "number" } },
      required: ["p"],
      "x-kubernetes-validations": [{ rule: "self.p > 0" }],
    };
    const short = { type: "string", maxLength: 10 };
    for (const name of ["a", "b"]) expect(spec.properties![name]!.properties!.item).toEqual(port);
    expect(spec.properties!.e!.properties!.inner!.properties!.item).toEqual(port);
    for (const name of ["c", "d"]) {
      expect(spec.properties![name]!.properties!.label).toEqual(short);
      expect(spec.properties![name]!.properties!.labels!.items).toEqual(short);
    }
    // An argument other than the named type is only bound by it: "x" is not a Short.
    expect(spec.properties!.f!.properties!.label).toEqual({ type: "string", enum: ["x"] });
  });

  test("a bad tag on a generic is reported once, however many instantiations use it", () => {
    const prelude = "/** @bogus */\nexport interface Box<T> { value: T }";
    const errors = errorsOf(withRoot("{ a: Box<string>; b: Box<number>; c: Box<Box<string>> }", prelude));
    expect(errors.map((d) => [d.code, d.location?.line])).toEqual([["CRD1003", 1]]);
  });

  test("a recursive generic is a located CRD1008 error, not a stack overflow", () => {
    const prelude = "export interface Tree<T> {\n  value: T;\n  children?: Tree<T>[];\n}";
    const errors = errorsOf(withRoot("{ tree: Tree<string> }", prelude));
    expect(errors.map((d) => [d.code, d.path, d.location?.line])).toEqual([
      ["CRD1008", "Widget.spec.tree.children[]", 3],
    ]);
    expect(errors[0]!.message).toBe(
      "Tree<string> is recursive (Tree<string> -> Tree<string>); a CRD schema cannot describe recursive types.",
    );
    // The suggested way out works.
    const fixed =
      "export interface Tree<T> {\n  value: T;\n  /** @schemaless @preserveUnknownFields */\n  children?: Tree<T>[];\n}";
    expect(generateFrom(withRoot("{ tree: Tree<string> }", fixed)).ok).toBe(true);
  });

  test("a generic that grows its type arguments at every level is reported as recursive", () => {
    const prelude = "export interface Chain<T> {\n  value: T;\n  next?: Chain<T[]>;\n}";
    const errors = errorsOf(withRoot("{ chain: Chain<string> }", prelude));
    expect(errors.map((d) => [d.code, d.location?.line])).toEqual([["CRD1008", 3]]);
    expect(errors[0]!.message).toMatch(/^Chain is recursive through its type arguments \(Chain<string\[\]/);
  });
});

describe("the recursion hint", () => {
  test("says what works: @schemaless @preserveUnknownFields where the recursion happens", () => {
    const recursive = "export interface Node {\n  value: string;\n  next?: Node;\n}";
    const [error] = errorsOf(withRoot("{ list: Node }", recursive));
    expect(error!.hint).toMatch(/@schemaless @preserveUnknownFields/);
    // @preserveUnknownFields alone keeps the type, and with it the recursion.
    const alone = recursive.replace("next?", "/** @preserveUnknownFields */\n  next?");
    expect(errorsOf(withRoot("{ list: Node }", alone)).map((d) => d.code)).toEqual(["CRD1008"]);
    const both = recursive.replace("next?", "/** @schemaless @preserveUnknownFields */\n  next?");
    expect(specSchema(withRoot("{ list: Node }", both)).properties!.list!.properties!.next).toEqual({
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });
});

describe("written types through type operators", () => {
  const prelude = `type int32 = number;
/** A port. @minimum 1 */
export type Port = int32;
/** @maxLength 5 */
type Short = string;
export interface Ports {
  /** @maxItems 2 */
  ports: Port[];
  named?: Short[];
}
type PortList = Port[];
type Pick1<T> = T extends string ? Short : Port;
type OrPort<T> = T extends boolean ? Port : T;`;
  const INT32 = { type: "integer", format: "int32" };

  test('a list item type, `Spec["ports"][number]`, is the item as written, with its tags', () => {
    const spec = specSchema(
      withRoot(
        `{ a: Ports["ports"][number]; b: PortList[number]; c: NonNullable<Ports["named"]>[number]; d: Array<Short>[number] }`,
        prelude,
      ),
    );
    const port = { ...INT32, description: "A port.", minimum: 1 };
    expect(spec.properties!.a).toEqual(port);
    expect(spec.properties!.b).toEqual(port);
    // The list's own @maxItems stays with the list.
    expect(spec.properties!.c).toEqual({ type: "string", maxLength: 5 });
    expect(spec.properties!.d).toEqual({ type: "string", maxLength: 5 });
  });

  test("a conditional type's chosen branch is read as written", () => {
    const spec = specSchema(
      withRoot(`{ s: Pick1<"x">; p: Pick1<number>; q: OrPort<Short>; r: OrPort<true> }`, prelude),
    );
    expect(spec.properties!.s).toEqual({ type: "string", maxLength: 5 });
    expect(spec.properties!.p).toEqual({ ...INT32, description: "A port.", minimum: 1 });
    expect(spec.properties!.q).toEqual({ type: "string", maxLength: 5 });
    expect(spec.properties!.r).toEqual({ ...INT32, description: "A port.", minimum: 1 });
  });
});
