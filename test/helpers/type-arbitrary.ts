/**
 * Random TypeScript declarations of the supported subset, with arbitraries for the JSON
 * values that inhabit them: the basis of the pipeline's property tests.
 */
import fc from "fast-check";

export type TypeSpec =
  | { kind: "string" | "number" | "boolean" | "int32" }
  | { kind: "literals"; values: string[] }
  /** A template literal type: `texts` joined by `${string}` placeholders. */
  | { kind: "template"; texts: string[] }
  /** A string TS enum, declared once (`export enum EnumN { M0 = "..." }`). */
  | { kind: "enum"; values: string[] }
  /** An instantiation of `Box<T>`, a generic interface: `{ value: T; more?: T[] }`. */
  | { kind: "generic"; arg: TypeSpec }
  | { kind: "array"; items: TypeSpec }
  | { kind: "record"; values: TypeSpec }
  | { kind: "object"; named: boolean; props: PropSpec[] };

export interface PropSpec {
  name: string;
  optional: boolean;
  nullable: boolean;
  type: TypeSpec;
}

const identifier = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/).filter((s) => !RESERVED.has(s));
const RESERVED = new Set([
  "in",
  "do",
  "if",
  "for",
  "let",
  "new",
  "try",
  "var",
  "case",
  "else",
  "enum",
  "null",
  "this",
  "true",
  "void",
  "with",
  "break",
  "catch",
  "class",
  "const",
  "false",
  "super",
  "throw",
  "while",
  "yield",
  "delete",
  "export",
  "import",
  "public",
  "return",
  "static",
  "switch",
  "typeof",
  "default",
  "extends",
  "finally",
  "package",
  "private",
  "continue",
  "debugger",
  "function",
  "arguments",
  "interface",
  "protected",
  "implements",
  "instanceof",
  "as",
  "any",
  "is",
  "of",
  "type",
]);

/** Text of template literal types: regular-expression characters, nothing that ends a template or starts a placeholder. */
const TEMPLATE_TEXT = ["a", "Z", "0", ".", "-", "*", "(", ")", "|", "^", "$", "[", "]", "+", "?", " "];

export const typeSpec: fc.Arbitrary<TypeSpec> = fc.letrec<{ type: TypeSpec; object: TypeSpec }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<TypeSpec>({ kind: "string" }, { kind: "number" }, { kind: "boolean" }, { kind: "int32" }),
    fc
      .uniqueArray(fc.stringMatching(/^[A-Za-z][\w-]{0,5}$/), { minLength: 1, maxLength: 4 })
      .map((values): TypeSpec => ({ kind: "literals", values })),
    fc
      .array(fc.string({ unit: fc.constantFrom(...TEMPLATE_TEXT), maxLength: 3 }), {
        minLength: 2,
        maxLength: 4,
      })
      .map((texts): TypeSpec => ({ kind: "template", texts })),
    fc
      .uniqueArray(fc.stringMatching(/^[A-Za-z][\w-]{0,5}$/), { minLength: 1, maxLength: 3 })
      .map((values): TypeSpec => ({ kind: "enum", values })),
    tie("type").map((arg): TypeSpec => ({ kind: "generic", arg })),
    tie("type").map((items): TypeSpec => ({ kind: "array", items })),
    tie("type").map((values): TypeSpec => ({ kind: "record", values })),
    tie("object"),
  ),
  object: fc
    .record({
      named: fc.boolean(),
      props: fc.uniqueArray(
        fc.record({ name: identifier, optional: fc.boolean(), nullable: fc.boolean(), type: tie("type") }),
        { selector: (p) => p.name, minLength: 1, maxLength: 4 },
      ),
    })
    .map((o): TypeSpec => ({ kind: "object", ...o })),
})).object;

/** TypeScript source declaring `Spec` (plus named helper interfaces) and a root `Thing`. */
export function toSource(spec: TypeSpec): string {
  const decls: string[] = [];
  let counter = 0;
  let usesBox = false;
  const write = (t: TypeSpec): string => {
    switch (t.kind) {
      case "string":
      case "number":
      case "boolean":
        return t.kind;
      case "int32":
        return "int32";
      case "literals":
        return t.values.map((v) => JSON.stringify(v)).join(" | ");
      case "template":
        return `\`${t.texts.join("${string}")}\``;
      case "enum": {
        const name = `Enum${counter++}`;
        const members = t.values.map((v, i) => `M${i} = ${JSON.stringify(v)}`).join(", ");
        decls.push(`/** The ${name} values. */\nexport enum ${name} { ${members} }`);
        return name;
      }
      case "generic":
        usesBox = true;
        return `Box<${write(t.arg)}>`;
      case "array":
        return `Array<${write(t.items)}>`;
      case "record":
        return `Record<string, ${write(t.values)}>`;
      case "object": {
        const body = `{\n${t.props
          .map((p) => `  ${p.name}${p.optional ? "?" : ""}: ${write(p.type)}${p.nullable ? " | null" : ""};`)
          .join("\n")}\n}`;
        if (!t.named) return body;
        const name = `Named${counter++}`;
        decls.push(`export interface ${name} ${body}`);
        return name;
      }
    }
  };
  const specText = write(spec);
  if (usesBox) decls.push("/** A boxed value. */\nexport interface Box<T> { value: T; more?: T[] }");
  return `type int32 = number;
${decls.join("\n")}
export type Spec = ${specText};
/**
 * @crd
 * @group prop.example.com
 * @version v1
 */
export interface Thing { spec: Spec }
`;
}

/** JSON values that inhabit the type. */
export function valueOf(t: TypeSpec): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case "string":
      return fc.string({ maxLength: 8 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "int32":
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case "boolean":
      return fc.boolean();
    case "literals":
    case "enum":
      return fc.constantFrom(...t.values);
    case "generic":
      return fc.record(
        { value: valueOf(t.arg), more: fc.array(valueOf(t.arg), { maxLength: 2 }) },
        { requiredKeys: ["value"] },
      );
    case "template":
      return fc
        .array(fc.string({ maxLength: 4 }), { minLength: t.texts.length - 1, maxLength: t.texts.length - 1 })
        .map((fillers) => t.texts.map((text, i) => text + (fillers[i] ?? "")).join(""));
    case "array":
      return fc.array(valueOf(t.items), { maxLength: 3 });
    case "record":
      return fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), valueOf(t.values), { maxKeys: 3 });
    case "object": {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const p of t.props) {
        model[p.name] = p.nullable ? fc.option(valueOf(p.type), { nil: null }) : valueOf(p.type);
        if (!p.optional) required.push(p.name);
      }
      return fc.record(model, { requiredKeys: required });
    }
  }
}

/** A value that breaks a literal/enum or required constraint somewhere, if the type has one. */
export function invalidValueOf(t: TypeSpec): fc.Arbitrary<unknown> | undefined {
  if (t.kind === "literals" || t.kind === "enum") return fc.constant(`${t.values.join("")}-not-a-member`);
  // A box without its required value.
  if (t.kind === "generic") return fc.constant({ more: [] });
  // The empty string lacks whatever text the template has.
  if (t.kind === "template") return t.texts.some((text) => text !== "") ? fc.constant("") : undefined;
  if (t.kind !== "object") return undefined;
  const required = t.props.find((p) => !p.optional);
  if (required) {
    // Drop one required property from an otherwise valid object.
    return valueOf(t).map((v) => {
      const copy = { ...(v as Record<string, unknown>) };
      delete copy[required.name];
      return copy;
    });
  }
  for (const p of t.props) {
    const bad = invalidValueOf(p.type);
    if (bad) return fc.tuple(valueOf(t), bad).map(([v, b]) => ({ ...(v as object), [p.name]: b }));
  }
  return undefined;
}
