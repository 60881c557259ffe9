/** Small IR rewrites the reader shares: literal members merged into enums, a union without its null. */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrEnum, IrType, PrimitiveName, Scalar } from "../ir/model.js";

/** An enum of `values`, all of the primitive `type`. */
export function enumOf(type: PrimitiveName, values: Scalar[], origin: SourceLocation): IrEnum {
  return { kind: "enum", type, values, origin };
}

/** Literal members of one primitive type collapse into one enum: `"a" | "b"` -> enum [a, b]. */
export function mergeEnums(types: IrType[]): IrType[] {
  const out: IrType[] = [];
  for (const t of types) {
    const previous = out.find(
      (o): o is IrEnum => o.kind === "enum" && t.kind === "enum" && sameFamily(o.type, t.type),
    );
    if (previous && t.kind === "enum") {
      for (const v of t.values) if (!previous.values.includes(v)) previous.values.push(v);
      if (t.type === "number") previous.type = "number";
    } else {
      out.push(t.kind === "enum" ? { ...t, values: [...t.values] } : t);
    }
  }
  return out;
}

/** Whether enums of `a` and `b` merge into one: the same type, or both numeric. */
export function sameFamily(a: PrimitiveName, b: PrimitiveName): boolean {
  const numeric = (x: PrimitiveName) => x === "number" || x === "integer";
  return a === b || (numeric(a) && numeric(b));
}

/** A type without its null (a union's null member); undefined when null is all it holds. */
export function withoutNull(type: IrType): IrType | undefined {
  if (type.kind === "null") return undefined;
  if (type.kind !== "union") return type;
  const members = type.members.filter((m) => m.kind !== "null");
  if (members.length === 0) return undefined;
  return members.length === 1 ? members[0] : { ...type, members };
}
