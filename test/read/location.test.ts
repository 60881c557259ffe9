/**
 * IR origins are worked out when first read (read/location.ts). They must point where an eager
 * location points, serialize the same, and never reach a diagnostic as a lazy object: what
 * crdgen reports is plain data (spread, structuredClone and toEqual see its fields).
 */
import type { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { plainLocation, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { locationOf, nodeLocation, nodeOrigin, positionOrigin } from "../../src/read/location.js";
import { tsApi } from "../../src/read/typescript.js";
import { generateFrom, withRoot } from "../helpers/generate.js";

const SOURCE = `/** A widget. */
export interface Widget {
  /** The name. @maxLength 3 */
  name: string;

  // a comment between
  size?: number;
  nested: { deep: { deeper: boolean[] } };
}
`;

function allNodes(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    out.push(node);
    tsApi.forEachChild(node, visit);
  };
  tsApi.forEachChild(sf, visit);
  return out;
}

/** Line breaks of every kind TypeScript counts (CRLF, CR, U+2028), a shebang, trivia of every kind. */
const TRICKY =
  "#!/usr/bin/env node\r\n/** CRLF lines. */\r\nexport interface A {\r\n  /* block */ a: string; // line\r\n" +
  "  /** doc \u2028 with a line separator */\r  b?: number[];\n\n\n  c: { d: /** inline */ boolean };\r\n}\r\n";

describe("lazy origins", () => {
  const parse = (text: string) =>
    tsApi.createSourceFile("/p/types.ts", text, tsApi.ScriptTarget.ES2022, true);

  it.each([
    ["plain", SOURCE],
    ["tricky", TRICKY],
  ])("point where nodeLocation points, whichever field is read first (%s)", (_name, text) => {
    const sf = parse(text);
    for (const node of allNodes(sf)) {
      const eager = { ...nodeLocation(node) };
      expect(plainLocation(nodeOrigin(node))).toEqual(eager);
      const origin = nodeOrigin(node);
      expect([origin.column, origin.line, origin.file]).toEqual([eager.column, eager.line, eager.file]);
      expect(JSON.parse(JSON.stringify({ origin: nodeOrigin(node) }))).toEqual({ origin: eager });
    }
  });

  it("give a position's line and column", () => {
    const at = SOURCE.indexOf("@maxLength");
    expect(plainLocation(positionOrigin(parse(SOURCE), at))).toEqual({
      file: "/p/types.ts",
      line: 3,
      column: 17,
    });
    const sf = parse(TRICKY);
    for (const pos of [0, TRICKY.indexOf("b?"), TRICKY.indexOf("c:"), TRICKY.length - 1])
      expect(plainLocation(positionOrigin(sf, pos))).toEqual(locationOf(sf, pos));
  });

  it("become plain objects for diagnostics", () => {
    const plain = plainLocation(nodeOrigin(allNodes(parse(SOURCE))[3]!));
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(structuredClone(plain)).toEqual(plain);
  });
});

/** Each of these is reported at a place the reader recorded lazily: a tag, or a schema node's origin. */
const FAILING: Record<string, string> = {
  "a bad tag value (read/tags.ts)": withRoot("{\n  /** @maxLength lots */\n  name: string;\n}"),
  "a default Kubernetes rejects (generate.ts)": withRoot("{\n  /** @default 7 */\n  a: string;\n}"),
  "a printer column path that does not exist (emit/version-checks.ts)": `/**
 * @crd
 * @group example.com
 * @version v1
 * @printColumn name=Missing type=string jsonPath=.spec.missing
 */
export interface Widget { spec: { name: string } }`,
  "a recursive type (transforms/context.ts)": withRoot(
    "{\n  tree: Tree;\n}\nexport interface Tree {\n  children?: Tree[];\n}",
  ),
};

describe("diagnostics carry plain locations", () => {
  it.each(Object.entries(FAILING))("%s", (_name, source) => {
    const diagnostics: Diagnostic[] = generateFrom(source).diagnostics;
    const located = diagnostics.filter((d) => d.location);
    expect(located.length).toBeGreaterThan(0);
    for (const d of located) {
      expect(Object.getPrototypeOf(d.location)).toBe(Object.prototype);
      expect(d.location!.line).toBeGreaterThan(0);
      expect(structuredClone(d)).toEqual(d);
    }
  });
});
