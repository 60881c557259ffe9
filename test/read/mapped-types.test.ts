/**
 * Mapped types users write themselves (`Nullable<T>`, key remapping with `as`), `NonNullable` of a
 * named nullable type, and the order of unions the checker computes (`(typeof PHASES)[number]`).
 */
import { describe, expect, test } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { specSchema, withRoot } from "../helpers/generate.js";

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
const CRDGEN = {
  "/project/node_modules/crdgen/package.json": JSON.stringify({
    name: "crdgen",
    types: "dist/src/known-types.d.ts",
  }),
  "/project/node_modules/crdgen/dist/src/known-types.d.ts":
    "export type int32 = number;\nexport type Quantity = number | string;\n",
};

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

  test("a template that changes the type is the checker's reading (no int32 to keep in `T[K][]`)", () => {
    const prelude = `${PRELUDE}\ntype Lists<T> = { [K in keyof T]: T[K][] };\ninterface Plain { count: int32 }`;
    const schema = specOf("{ l: Lists<Plain> }", prelude);
    expect(schema.properties!.l!.properties!.count).toEqual({ type: "array", items: { type: "number" } });
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
