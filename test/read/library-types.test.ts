/**
 * A type from an installed package that the reader refuses is reported at the user's field that
 * uses it, which the user can change, not at a line of the package's declaration files.
 */
import { describe, expect, test } from "vitest";
import { errorsOf } from "../helpers/generate.js";

const FAKELIB = {
  "/project/node_modules/fakelib/package.json": JSON.stringify({ name: "fakelib", types: "index.d.ts" }),
  "/project/node_modules/fakelib/index.d.ts": `export interface Settings {
    id: bigint;
    name: string;
    nested: Inner;
}
export interface Inner { table: Map<string, string> }
export declare class Client {
    host: string;
    connect(): void;
    close(): void;
}
`,
};

function errors(spec: string) {
  const root = `import type { Settings, Client } from "fakelib";
/** @crd @group example.com @version v1 */
export interface Widget {
  spec: ${spec};
}
`;
  return errorsOf({ "/project/types.ts": root, ...FAKELIB });
}

describe("a package's type that a CRD cannot hold", () => {
  test("is reported at the user's field, naming where the package declares it and what to write", () => {
    const found = errors("{\n    settings?: Settings;\n  }");
    expect(
      found.map((d) => [d.code, d.path, d.location?.file, d.location?.line, d.location?.column]),
    ).toEqual([
      ["CRD1002", "Widget.spec.settings.id", "/project/types.ts", 5, 5],
      ["CRD1002", "Widget.spec.settings.nested.table", "/project/types.ts", 5, 5],
    ]);
    expect(found[0]!.message).toBe(
      "Widget.spec.settings.id is bigint, which a CRD schema cannot express (declared in fakelib/index.d.ts:2).",
    );
    expect(found[0]!.hint).toBe(
      `Settings is fakelib's, not yours to change: write Omit<Settings, "id">, or an interface of the fields you keep (JSON has no bigint: use number (int64) or a string)`,
    );
    // A field deeper down cannot be left out with Omit of the type the user wrote.
    expect(found[1]!.hint).toMatch(
      /^Settings is fakelib's, not yours to change: write an interface of the fields/,
    );
  });

  test("so is what an Omit of the package's type leaves in", () => {
    const found = errors('{\n    settings?: Omit<Settings, "id">;\n  }');
    expect(found.map((d) => [d.path, d.location?.file, d.location?.line])).toEqual([
      ["Widget.spec.settings.nested.table", "/project/types.ts", 5],
    ]);
    expect(found[0]!.message).toMatch(/\(declared in fakelib\/index\.d\.ts:6\)\.$/);
  });

  test("a class with methods is one error at the field, not one per method", () => {
    const found = errors("{\n    client?: Client;\n  }");
    expect(found.map((d) => [d.path, d.location?.file, d.location?.line])).toEqual([
      ["Widget.spec.client", "/project/types.ts", 5],
    ]);
    expect(found[0]!.message).toBe(
      "Widget.spec.client is the class Client of fakelib, with methods (connect, close), which a CRD schema cannot express.",
    );
  });

  test("the user's own types keep their locations", () => {
    const found = errors("{\n    own?: { id: bigint };\n  }");
    expect(found.map((d) => [d.path, d.location?.line, d.location?.column])).toEqual([
      ["Widget.spec.own.id", 5, 13],
    ]);
    expect(found[0]!.hint).toBe("JSON has no bigint: use number (int64) or a string");
  });
});

describe("what the later stages refuse in a package's type", () => {
  const ACME = {
    "/project/node_modules/acme/package.json": JSON.stringify({ name: "acme", types: "index.d.ts" }),
    "/project/node_modules/acme/index.d.ts": `export interface Settings {
  name?: string;
  mode: string | number;
}
/** @listType map */
export type Entries = { name: string }[];
`,
  };
  const root = (spec: string) => ({
    "/project/types.ts": `import type { Settings, Entries } from "acme";
/** @crd @group example.com @version v1 */
export interface Widget {
  spec: {
${spec}
  };
}
`,
    ...ACME,
  });

  test("a union lowering's error (CRD1010) is at each user's field, naming the package's line", () => {
    const found = errorsOf(root("    settings?: Settings;\n    list?: Settings[];"));
    expect(
      found.map((d) => [d.code, d.path, d.location?.file, d.location?.line, d.location?.column]),
    ).toEqual([
      ["CRD1010", "Widget.spec.settings.mode", "/project/types.ts", 5, 5],
      ["CRD1010", "Widget.spec.list[].mode", "/project/types.ts", 6, 5],
    ]);
    expect(found[0]!.message).toMatch(/has one type \(declared in acme\/index\.d\.ts:3\)\.$/);
    expect(found[0]!.hint).toMatch(
      /^Settings is acme's, not yours to change: write Omit<Settings, "mode">, or an interface of the fields you keep \(tag the property @intOrString/,
    );
    expect(found[1]!.hint).toMatch(
      /^Settings is acme's, not yours to change: write an interface of the fields/,
    );
  });

  test("Kubernetes' refusal of a package's tag (CRD2001) is at the user's field", () => {
    const found = errorsOf(root("    entries?: Entries;"));
    expect(found.map((d) => [d.code, d.location?.file, d.location?.line])).toEqual([
      ["CRD2001", "/project/types.ts", 5],
    ]);
    expect(found[0]!.message).toMatch(/is map \(declared in acme\/index\.d\.ts:5\)$/);
    expect(found[0]!.hint).toMatch(/^Entries is acme's, not yours to change: .*add @listMapKey name\)$/);
  });
});
