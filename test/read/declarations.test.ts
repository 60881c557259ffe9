/**
 * Facts the reader asks of declarations and written type nodes (src/read/declarations.ts) and of
 * checked types (src/read/checked-types.ts), each on a table of written TypeScript.
 */
import { Project, type ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  admitsUndefined,
  definedMembers,
  holdsNoValue,
  isLiteralUnion,
  withoutNullish,
  withoutUndefined,
} from "../../src/read/checked-types.js";
import {
  declaredName,
  enclosingGeneric,
  isAccessor,
  isHiddenInstanceField,
  isLiteralInitializer,
  isObjectNode,
  isPrivateOrStatic,
  isWithin,
  unionMembers,
  writesUndefined,
} from "../../src/read/declarations.js";
import { tsApi } from "../../src/read/typescript.js";

/** The written type of `type T = <text>`. */
function written(text: string): ts.TypeNode {
  const sf = tsApi.createSourceFile("t.ts", `type T = ${text};`, tsApi.ScriptTarget.ES2022, true);
  return (sf.statements[0] as ts.TypeAliasDeclaration).type;
}

/** The members of `class C { <text> }`. */
function classMembers(text: string): readonly ts.ClassElement[] {
  const sf = tsApi.createSourceFile("t.ts", `class C { ${text} }`, tsApi.ScriptTarget.ES2022, true);
  return (sf.statements[0] as ts.ClassDeclaration).members;
}

describe("written type nodes", () => {
  it.each([
    ["string | undefined", true],
    ["(string | undefined)", true],
    ["string | (number | undefined)", true],
    ["unknown | undefined", true],
    ["string | null", false],
    ["undefined", false],
    ["string", false],
  ])("writesUndefined(%s) is %s", (text, expected) => expect(writesUndefined(written(text))).toBe(expected));

  it.each([
    ["string | number", ["string", "number"]],
    ["(string | number) | boolean", ["string", "number", "boolean"]],
    ["((a | b)) | (c | (d | e))", ["a", "b", "c", "d", "e"]],
    ["(string[]) | null", ["(string[])", "null"]],
  ])("unionMembers(%s) reads one flat union", (text, expected) =>
    expect(unionMembers(written(text) as ts.UnionTypeNode).map((m) => m.getText())).toEqual(expected),
  );

  it.each([
    ["{ a: string }", true],
    ["({ a: string })", true],
    ["{ [K in 'a' | 'b']: string }", true],
    ["Record<string, string>", false],
    ["string[]", false],
  ])("isObjectNode(%s) is %s", (text, expected) => expect(isObjectNode(written(text))).toBe(expected));
});

describe("declarations", () => {
  it.each([
    ['"a"', true],
    ["3", true],
    ["-1", true],
    ["+1", true],
    ["`x`", true],
    ["A.b", false],
    ["1 << 2", false],
    ["-x", false],
    ['"a".length', false],
  ])("isLiteralInitializer(%s) is %s", (text, expected) => {
    const sf = tsApi.createSourceFile("t.ts", `enum E { m = ${text} }`, tsApi.ScriptTarget.ES2022, true);
    const member = (sf.statements[0] as ts.EnumDeclaration).members[0]!;
    expect(isLiteralInitializer(member.initializer!)).toBe(expected);
  });

  it("names a property written as an identifier or a string, not a computed one", () => {
    const [plain, quoted, computed, numeric] = classMembers('a = 1; "b-c" = 2; ["d"] = 3; 4 = 5;');
    expect([plain, quoted, computed, numeric].map((m) => declaredName(m!))).toEqual([
      "a",
      "b-c",
      undefined,
      undefined,
    ]);
  });

  it("tells hidden instance fields, which JSON.stringify writes, from static members and accessors", () => {
    const members = classMembers(
      "private a = 1; protected b = 2; c = 3; static d = 4; private static e = 5; get f() { return 1; } private g() {}",
    );
    const facts = members.map((m) => [
      m.name!.getText(),
      isHiddenInstanceField(m),
      isPrivateOrStatic(m),
      isAccessor(m),
    ]);
    expect(facts).toEqual([
      ["a", true, true, false],
      ["b", true, true, false],
      ["c", false, false, false],
      ["d", false, true, false],
      ["e", false, true, false],
      ["f", false, false, true],
      ["g", false, true, false],
    ]);
  });

  it("finds the generic a node is written in, and only its own, not one nested in it", () => {
    const sf = tsApi.createSourceFile(
      "t.ts",
      "interface Outer<T> { a: T; inner: Inner<T> }\ntype Inner<U> = { b: U };\ninterface Plain { c: string }",
      tsApi.ScriptTarget.ES2022,
      true,
    );
    const [outer, inner, plain] = sf.statements as unknown as [
      ts.InterfaceDeclaration,
      ts.TypeAliasDeclaration,
      ts.InterfaceDeclaration,
    ];
    const a = outer.members[0]!;
    const b = (inner.type as ts.TypeLiteralNode).members[0]!;
    expect(enclosingGeneric(a)).toBe(outer);
    expect(enclosingGeneric(b)).toBe(inner);
    expect(enclosingGeneric(plain.members[0]!)).toBeUndefined();
    expect(isWithin(a, outer)).toBe(true);
    expect(isWithin(b, outer)).toBe(false);
  });
});

describe("checked types", () => {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, lib: ["lib.es5.d.ts"], types: [] },
  });
  const source = [
    "interface I {",
    "  plain: string;",
    "  optional?: string;",
    "  nullable: string | null;",
    "  both?: string | null;",
    "  literals?: 'a' | 'b';",
    "  mixed: 'a' | number;",
    "  never?: never;",
    "  voided?: void;",
    "  nothing: undefined;",
    "}",
  ].join("\n");
  const file = project.createSourceFile("t.ts", source);
  const checker = project.getTypeChecker().compilerObject;
  const iface = file.getInterfaceOrThrow("I").compilerNode;
  const typeOf = (name: string): ts.Type => {
    const member = iface.members.find((m) => m.name!.getText() === name)!;
    return checker.getTypeAtLocation(member);
  };
  const text = (type: ts.Type) => checker.typeToString(type);

  it.each([
    ["plain", false, false, false, "string", "string"],
    ["optional", true, false, false, "string", "string"],
    ["nullable", false, false, false, "string", "string | null"],
    // One member beside undefined is taken out of the union; two or more stay the union.
    ["both", true, false, false, "string", "string | null | undefined"],
    ["literals", true, false, true, '"a" | "b" | undefined', '"a" | "b" | undefined'],
    ["mixed", false, false, false, 'number | "a"', 'number | "a"'],
    // `?: never` checks as plain `undefined`: no union admits it (the symbol says it is optional).
    ["never", false, true, false, "undefined", "undefined"],
    ["voided", true, true, false, "void", "void"],
    ["nothing", false, true, false, "undefined", "undefined"],
  ])(
    "%s: admits undefined %s, holds no value %s, literal union %s, %s without nullish, %s without undefined",
    (name, admits, noValue, literals, nullish, undefinedLess) => {
      const type = typeOf(name);
      expect(admitsUndefined(type)).toBe(admits);
      expect(holdsNoValue(type)).toBe(noValue);
      expect(isLiteralUnion(type)).toBe(literals);
      expect(text(withoutNullish(type))).toBe(nullish);
      expect(text(withoutUndefined(type))).toBe(undefinedLess);
      expect(definedMembers(type).some((t) => t.flags & tsApi.TypeFlags.Undefined)).toBe(false);
    },
  );
});
