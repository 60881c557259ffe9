/**
 * What a conditional type's `infer` takes, and `Exclude<X, undefined>`, are read where they were
 * written, as `Spec["ports"][number]` is: the checker's `number` forgot an int32 or a Quantity,
 * and the tags of the named type written there.
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot, installedCrdgen } from "../helpers/generate.js";

const CRDGEN = installedCrdgen("export type int32 = number;\nexport type Quantity = number | string;\n");

const PRELUDE = `import type { int32, Quantity } from "crdgen";
/** @minimum 1 @maximum 65535 */
type Port = int32;
interface Box<T> { value: T }
interface Ports {
  ports?: Port[];
  sizes?: readonly Quantity[];
  /** @maxLength 5 */
  name?: string;
  box?: Box<Port>;
}
type ElementOf<A> = A extends readonly (infer E)[] ? E : never;
type ItemOf<A> = A extends Array<infer E> ? E : never;
type NameOf<A> = A extends { name?: infer N } ? N : never;
type ValueOf<A> = A extends Box<infer V> ? V : never;
type Passed<T> = ElementOf<T>;
type PortBox = Ports["box"];`;

const PORT = { type: "integer", format: "int32", minimum: 1, maximum: 65535 };

function spec(body: string): Record<string, unknown> {
  return specSchema({ "/project/types.ts": withRoot(body, PRELUDE), ...CRDGEN }).properties!;
}

describe("a conditional type's infer", () => {
  test("of a list's item is the item as written, with its tags", () => {
    const p = spec(`{
  a?: ElementOf<Ports["ports"]>;
  b?: ItemOf<Ports["ports"]>;
  c?: Passed<Ports["ports"]>;
  d?: Ports["ports"] extends (infer E)[] | undefined ? E : never;
  q?: ElementOf<NonNullable<Ports["sizes"]>>;
}`);
    for (const name of ["a", "b", "c", "d"]) expect(p[name]).toEqual(PORT);
    expect(p.q).toMatchObject({
      "x-kubernetes-int-or-string": true,
      anyOf: [{ type: "integer" }, { type: "string" }],
    });
  });

  test("of a property or a generic's argument is the type written there", () => {
    const p = spec(`{
  n?: NameOf<Ports>;
  v?: ValueOf<Ports["box"]>;
  w?: ValueOf<PortBox>;
  x?: ValueOf<Box<Port>>;
}`);
    expect(p.n).toEqual({ type: "string", maxLength: 5 });
    for (const name of ["v", "w", "x"]) expect(p[name]).toEqual(PORT);
  });

  test("is the checker's reading when the branch taken is not the inferred one", () => {
    const p = spec(`{
  other?: Ports["name"] extends (infer E)[] ? E : Port;
}`);
    expect(p.other).toEqual(PORT);
  });
});

describe("Exclude<X, undefined | null>", () => {
  test("is X as written, as NonNullable<X> is", () => {
    const p = spec(`{
  item?: Exclude<Ports["ports"], undefined>[number];
  size?: Exclude<Ports["sizes"], undefined>[number];
  box?: Exclude<Ports["box"], null>;
  flag?: Exclude<boolean | undefined, undefined>;
  phase?: Exclude<"A" | "B" | null, null> | "C";
}`);
    expect(p.item).toEqual(PORT);
    expect(p.size).toMatchObject({ "x-kubernetes-int-or-string": true });
    expect(p.box).toMatchObject({ properties: { value: PORT } });
    expect(p.flag).toEqual({ type: "boolean" });
    // A union of literals stays one enum, in source order.
    expect(p.phase).toEqual({ type: "string", enum: ["A", "B", "C"] });
  });
});
