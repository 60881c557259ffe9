/**
 * A root's `kind` and `apiVersion` written as string literals must be its CRD's: the schema leaves
 * both out, so a literal that differs would go unnoticed until the cluster refused every manifest
 * written to the type (CRD1022, src/read/root-literals.ts).
 */
import { describe, expect, test } from "vitest";
import { generateFrom } from "../helpers/generate.js";

const root = (members: string, tags = "", prelude = "") => `${prelude}
/**
 * @crd
 * @group acid.zalan.do
 * @version v1${tags}
 */
export interface Postgresql {
${members}
  spec: { teamId: string };
}
`;

function findings(source: string) {
  const result = generateFrom(source);
  return result.diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    hint: d.hint,
    line: d.location?.line,
  }));
}

describe("a root's kind and apiVersion literals", () => {
  test("a kind other than the CRD's: an error at the property, whose hint is the @kind that matches it", () => {
    expect(findings(root('  kind: "postgresql";'))).toEqual([
      {
        code: "CRD1022",
        message:
          'Postgresql.kind is "postgresql", but the CRD\'s kind is Postgresql: manifests written to this type would name a kind the CRD does not have.',
        hint: 'add @kind postgresql to the root, or write kind: "Postgresql"',
        line: 8,
      },
    ]);
    // Following the hint works.
    expect(findings(root('  kind: "postgresql";', "\n * @kind postgresql"))).toEqual([]);
  });

  test("an apiVersion of another version: the hint gives the tags it names", () => {
    expect(findings(root('  apiVersion: "acid.zalan.do/v1beta1";'))).toEqual([
      {
        code: "CRD1022",
        message:
          'Postgresql.apiVersion is "acid.zalan.do/v1beta1", but the root\'s @group and @version make acid.zalan.do/v1: manifests written to this type would not be of this version.',
        hint: 'tag the root @group acid.zalan.do @version v1beta1, or write apiVersion: "acid.zalan.do/v1"',
        line: 8,
      },
    ]);
  });

  test("through a named alias, and in a union that lacks the CRD's", () => {
    const errors = findings(root("  kind?: PgKind;", "", 'type PgKind = "postgresql" | "PostgresqlList";'));
    expect(errors.map((e) => [e.code, e.hint])).toEqual([["CRD1022", 'write kind: "Postgresql"']]);
  });

  test.each([
    ["the CRD's own literals", '  apiVersion: "acid.zalan.do/v1";\n  kind: "Postgresql";'],
    [
      "a union that includes them",
      '  apiVersion?: "acid.zalan.do/v1" | "acid.zalan.do/v1beta1";\n  kind?: "Postgresql" | "PostgresqlList";',
    ],
    ["plain strings", "  apiVersion?: string;\n  kind?: string;"],
  ])("%s say nothing", (_, members) => {
    expect(findings(root(members))).toEqual([]);
  });

  test("neither literal reaches the schema, which leaves both to the API server", () => {
    const result = generateFrom(root('  apiVersion: "acid.zalan.do/v1";\n  kind: "Postgresql";'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const schema = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(schema.properties!.kind).toEqual({ type: "string", description: expect.any(String) });
  });
});
