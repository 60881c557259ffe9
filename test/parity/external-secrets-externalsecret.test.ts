/**
 * Parity with external-secrets' ExternalSecret CRD
 * (corpus/crds/external-secrets/external-secrets.io_externalsecrets.yaml, written by controller-gen
 * v0.19.0): fixtures/external-secrets-externalsecret/ ports both versions, each a root of its own
 * file with the Go package's type names (v1.ts, v1beta1.ts), sharing the string formats of
 * common.ts. What it covers that the other ports do not: a version that is deprecated with no
 * warning text and no longer served, selectable fields on one version only, printer columns whose
 * names hold a space, an object `@default` on an object-typed field, `@default ""`, `@minProperties`
 * with `@maxProperties` on a type (a "one of these" object), tagged string aliases reused across
 * both versions, a `@pattern` holding `@` (a cron schedule), a nullable `Time`, and
 * corev1.LocalObjectReference from `@kubernetes/client-node` (atomic, with Kubernetes' own default).
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { portTests, type KnownDifference } from "./parity.js";

const KNOWN_DIFFERENCES: KnownDifference[] = [];

describe("external-secrets' ExternalSecret, ported from its Go types", () => {
  portTests({
    fixture: "external-secrets-externalsecret",
    original: "external-secrets/external-secrets.io_externalsecrets.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 300,
  });

  // The friction a port meets first: v1beta1.ts copied from v1.ts keeps v1's @selectableField
  // tags. Kubernetes moves what every version has alike (here the selectable fields) to the CRD's
  // spec, where they need the one schema all versions share; these versions' schemas differ, so
  // the API server refuses the CRD, in words about fields nobody wrote. external-secrets declares
  // them on v1 only.
  test("the same selectable fields on both versions, whose schemas differ: Kubernetes' refusal, at v1's tag", () => {
    const root = (version: string, extra: string) =>
      `/**\n * @crd\n * @group external-secrets.io\n * @version ${version}\n${extra} * @selectableField .spec.name\n */\n` +
      `export interface ExternalSecret { spec?: { name?: string${version === "v1" ? "; window?: string" : ""} } }\n`;
    const fileSystem = new InMemoryFileSystemHost();
    fileSystem.writeFileSync("/p/v1.ts", root("v1", " * @storageVersion\n"));
    fileSystem.writeFileSync("/p/v1beta1.ts", root("v1beta1", " * @served false\n"));
    const result = generate({ entries: ["/p/v1.ts", "/p/v1beta1.ts"], cwd: "/p", fileSystem });
    expect(result.diagnostics.map((d) => [d.code, d.location?.file, d.location?.line, d.message])).toEqual([
      [
        "CRD2001",
        "/p/v1.ts",
        6,
        'Kubernetes would reject the generated CRD externalsecrets.external-secrets.io: spec.selectableFields: Invalid value: "": may only be set when validations.schema is included',
      ],
    ]);
    expect(result.diagnostics[0]!.hint).toMatch(
      /^Kubernetes moves selectable fields that every version declares alike/,
    );
  });
});
