/** Literal members merged into enums, and a union's null taken out (src/read/ir-enums.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IrEnum, IrType, PrimitiveName, Scalar } from "../../src/ir/model.js";
import { enumOf, mergeEnums, withoutNull } from "../../src/read/ir-enums.js";

const at = { file: "t.ts", line: 1, column: 1 };
const str: IrType = { kind: "primitive", type: "string", origin: at };
const nul: IrType = { kind: "null", origin: at };

describe("mergeEnums", () => {
  const cases: { name: string; input: IrType[]; output: IrType[] }[] = [
    {
      name: "string literals become one enum, in the order written",
      input: [enumOf("string", ["b"], at), enumOf("string", ["a"], at), enumOf("string", ["b"], at)],
      output: [enumOf("string", ["b", "a"], at)],
    },
    {
      name: "an integer literal and a non-integer one make a number enum",
      input: [enumOf("integer", [1], at), enumOf("number", [1.5], at)],
      output: [enumOf("number", [1, 1.5], at)],
    },
    {
      name: "integer literals stay an integer enum",
      input: [enumOf("integer", [1], at), enumOf("integer", [2], at)],
      output: [enumOf("integer", [1, 2], at)],
    },
    {
      name: "strings and numbers are two enums (the union lowering decides what they make)",
      input: [enumOf("string", ["a"], at), enumOf("integer", [1], at), enumOf("string", ["b"], at)],
      output: [enumOf("string", ["a", "b"], at), enumOf("integer", [1], at)],
    },
    {
      name: "other members are kept where they are",
      input: [str, enumOf("boolean", [true], at), nul, enumOf("boolean", [false], at)],
      output: [str, enumOf("boolean", [true, false], at), nul],
    },
    { name: "nothing gives nothing", input: [], output: [] },
  ];
  for (const c of cases) it(c.name, () => expect(mergeEnums(c.input)).toEqual(c.output));

  const family = (t: PrimitiveName) => (t === "integer" ? "number" : t);
  const literal = fc.oneof(
    fc.constantFrom("a", "b", "c").map((v): IrEnum => enumOf("string", [v], at)),
    fc.integer({ min: 0, max: 3 }).map((v): IrEnum => enumOf("integer", [v], at)),
    fc.constantFrom(0.5, 1.5).map((v): IrEnum => enumOf("number", [v], at)),
    fc.boolean().map((v): IrEnum => enumOf("boolean", [v], at)),
  );
  const member = fc.oneof(literal, fc.constant(str), fc.constant(nul));

  it("keeps every value once, in a single enum per family, without changing its input", () =>
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), (input) => {
        const before = structuredClone(input);
        const out = mergeEnums(input);
        expect(input).toEqual(before);
        const enums = out.filter((t): t is IrEnum => t.kind === "enum");
        const families = enums.map((e) => family(e.type));
        expect(new Set(families).size).toBe(families.length);
        for (const e of enums) {
          const written: Scalar[] = input
            .filter((t): t is IrEnum => t.kind === "enum" && family(t.type) === family(e.type))
            .flatMap((t) => t.values);
          expect(e.values).toEqual([...new Set(written)]);
        }
        // Members that are no enum pass through, in order.
        expect(out.filter((t) => t.kind !== "enum")).toEqual(input.filter((t) => t.kind !== "enum"));
      }),
    ));
});

describe("withoutNull", () => {
  it("takes null out of a union, and a union of one member becomes that member", () => {
    expect(withoutNull({ kind: "union", members: [str, nul], origin: at })).toEqual(str);
    const two: IrType = { kind: "union", members: [str, enumOf("integer", [1], at), nul], origin: at };
    expect(withoutNull(two)).toEqual({ ...two, members: [str, enumOf("integer", [1], at)] });
  });

  it("is undefined for null alone, and leaves any other type as it is", () => {
    expect(withoutNull(nul)).toBeUndefined();
    expect(withoutNull({ kind: "union", members: [nul], origin: at })).toBeUndefined();
    expect(withoutNull(str)).toBe(str);
  });
});
