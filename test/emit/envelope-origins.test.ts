/**
 * Kubernetes' errors outside a version's schema (names, metadata, printer columns, scale paths,
 * selectable fields) are placed at the root tag that set the field, else at the root.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { envelopeOrigin } from "../../src/emit/envelope-origins.js";
import type { EmittedCrd } from "../../src/emit/envelope.js";
import { emitAndTransform, generate, read, type GenerateResult } from "../../src/generate.js";
import { loadProgram } from "../../src/read/program.js";
import type { FieldError } from "../../src/validate/field-error.js";
import { errorsOf } from "../helpers/generate.js";

function generateEntries(files: Record<string, string>): GenerateResult {
  const fileSystem = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fileSystem.writeFileSync(p, text);
  return generate({ entries: Object.keys(files), cwd: "/project", fileSystem, typeCheck: true });
}

/** A root with one tag a line: tag i (from 0) on line i + 3, column 4; the interface's name on the line after the comment, column 18. */
function root(...tags: string[]): string {
  return `/**\n * Widget.\n${tags.map((t) => ` * ${t}\n`).join("")} */\nexport interface Widget { spec: { a?: string; n?: int32; x?: unknown }; status?: { r?: int32 } }\ntype int32 = number;\n`;
}

const base = (...tags: string[]) => root("@crd", "@group a.example.com", "@version v1", ...tags);

/** Each error as `file:line:column` and the start of its field error. */
function placed(errors: readonly Diagnostic[]): string[] {
  return errors.map((e) => {
    const field = /generated CRD \S+: (\S+)/.exec(e.message)?.[1] ?? e.message;
    return `${e.location?.file}:${e.location?.line}:${e.location?.column} ${field}`;
  });
}

const ENTRY = "/project/types.ts";

describe("Kubernetes' errors about fields a tag set, at that tag", () => {
  test("names: the second @shortName, @singular", () => {
    const found = errorsOf(base("@shortName wd", "@shortName W", "@singular Thing_"));
    expect(placed(found)).toEqual([
      `${ENTRY}:7:4 spec.names.shortNames[1]:`,
      `${ENTRY}:8:4 spec.names.singular:`,
    ]);
    expect(found.map((e) => e.hint)).toEqual(["write it in lower case: w", undefined]);
  });

  test("metadata: the @annotation whose key is bad, the @label of another version's root", () => {
    const found = errorsOf(base("@annotation ok.example.com/a=1", "@annotation Bad Key=x", "@label -x=y"));
    expect(placed(found)).toEqual([`${ENTRY}:7:4 metadata.annotations:`, `${ENTRY}:8:4 metadata.labels:`]);
    const result = generateEntries({
      "/project/v1.ts": root("@crd", "@group a.example.com", "@version v1", "@storageVersion", "@label a=b"),
      "/project/v2.ts": root("@crd", "@group a.example.com", "@version v2", "@label c=d", "@label -e=f"),
    });
    expect(placed(result.diagnostics)).toEqual(["/project/v2.ts:7:4 metadata.labels:"]);
  });

  test("printer columns: the column of the version entry, in Kubernetes' order of versions", () => {
    // Given v1beta1 first; Kubernetes sorts v1 first, so v1beta1 is spec.versions[1].
    const result = generateEntries({
      "/project/v1beta1.ts": root(
        "@crd",
        "@group a.example.com",
        "@version v1beta1",
        "@printColumn name=A type=string jsonPath=.spec.a format=uint",
      ),
      "/project/v1.ts": root(
        "@crd",
        "@group a.example.com",
        "@version v1",
        "@storageVersion",
        "@printColumn name=A type=string jsonPath=.spec.a",
        "@printColumn name=N type=integer jsonPath=.spec.n format=int64x",
      ),
    });
    expect(placed(result.diagnostics)).toEqual([
      "/project/v1.ts:8:4 spec.versions[0].additionalPrinterColumns[1].format:",
      "/project/v1beta1.ts:6:4 spec.versions[1].additionalPrinterColumns[0].format:",
    ]);
  });

  test("printer columns of a single version (Kubernetes reports them under spec)", () => {
    const found = errorsOf(
      base(
        "@printColumn name=A type=string jsonPath=.spec.a",
        "@printColumn name=N type=int jsonPath=.spec.n format=uint",
      ),
    );
    expect(placed(found)).toEqual([
      `${ENTRY}:7:4 spec.additionalPrinterColumns[1].type:`,
      `${ENTRY}:7:4 spec.additionalPrinterColumns[1].format:`,
    ]);
  });

  test("a scale path outside .spec: at @subresource scale, not @subresource status", () => {
    const found = errorsOf(
      base(
        "@subresource status",
        "@subresource scale specReplicasPath=.status.r statusReplicasPath=.status.r",
      ),
    );
    expect(placed(found)).toEqual([`${ENTRY}:7:4 spec.subresources.scale.specReplicasPath:`]);
  });

  test("a selectable field whose type crdgen cannot tell: the second @selectableField", () => {
    const found = errorsOf(base("@selectableField .spec.a", "@selectableField .spec.x"));
    expect(placed(found)).toEqual([`${ENTRY}:7:4 spec.selectableFields[1].jsonPath:`]);
  });

  test("an approval annotation a protected group has, but with a bad value: at that @annotation", () => {
    const found = errorsOf(
      root("@crd", "@group widgets.k8s.io", "@version v1", "@annotation api-approved.kubernetes.io=nope"),
    );
    expect(placed(found)).toEqual([`${ENTRY}:6:4 metadata.annotations[api-approved.kubernetes.io]:`]);
  });
});

describe("Kubernetes' errors about fields no tag set, at the root", () => {
  test("the approval annotation a protected group lacks", () => {
    const found = errorsOf(
      root("@crd", "@group widgets.k8s.io", "@version v1", "@annotation a.example.com/x=y"),
    );
    expect(placed(found)).toEqual([`${ENTRY}:8:18 metadata.annotations[api-approved.kubernetes.io]:`]);
  });
});

/** The CRD of `files`, as validateGenerated sees it. */
function emitted(files: Record<string, string>): EmittedCrd {
  const fileSystem = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fileSystem.writeFileSync(p, text);
  const loaded = loadProgram({ entries: Object.keys(files), cwd: "/project", fileSystem });
  const diagnostics: Diagnostic[] = [];
  const crds = emitAndTransform(read(loaded, diagnostics), diagnostics);
  expect(diagnostics).toEqual([]);
  return crds[0]!;
}

/** Where an error at `field` (with `badValue`) is placed: `file:line`, or undefined. */
function at(crd: EmittedCrd, field: string, badValue?: string): string | undefined {
  const error: FieldError = { type: "FieldValueInvalid", field, badValue, detail: "" };
  const found = envelopeOrigin(error, crd.versions);
  return found && `${found.origin.file}:${found.origin.line}`;
}

describe("envelopeOrigin: the longest path a tag set that holds the field", () => {
  // Fields crdgen's own checks keep from Kubernetes (a bad group, plural, kind, version...) are
  // placed here all the same, should Kubernetes refuse one of them.
  const crd = emitted({
    "/project/v1beta1.ts": root(
      "@crd",
      "@group a.example.com",
      "@version v1beta1",
      "@kind Widget",
      "@plural widgets",
      "@selectableField .spec.a",
      "@annotation b.example.com/k=v",
      // The CRD-level tags the versions must agree on.
      "@scope Cluster",
      "@shortName wd",
      "@shortName wdg",
      "@category all",
    ),
    "/project/v1.ts": root(
      "@crd",
      "@group a.example.com",
      "@version v1",
      "@storageVersion",
      "@kind Widget",
      "@plural widgets",
      "@singular widget",
      "@scope Cluster",
      "@shortName wd",
      "@shortName wdg",
      "@category all",
      "@label a=b",
      "@label c=d",
      "@subresource status",
      "@subresource scale specReplicasPath=.spec.n statusReplicasPath=.status.r",
      "@deprecated soon",
    ),
  });
  const v1 = (line: number) => `/project/v1.ts:${line}`;
  const v1beta1 = (line: number) => `/project/v1beta1.ts:${line}`;

  test.each([
    ["metadata.name", v1(4)],
    ["spec.group", v1(4)],
    ["spec.scope", v1(10)],
    ["spec.names.plural", v1(8)],
    ["spec.names.singular", v1(9)],
    ["spec.names.kind", v1(7)],
    ["spec.names.listKind", v1(7)],
    ["spec.names.shortNames[1]", v1(12)],
    ["spec.names.categories[0]", v1(13)],
    ["spec.version", v1(5)],
    ["spec.versions[0].name", v1(5)],
    ["spec.versions[1].name", v1beta1(5)],
    ["spec.versions[0].storage", v1(6)],
    ["spec.versions[0].deprecationWarning", v1(18)],
    ["spec.versions[0].subresources.scale.statusReplicasPath", v1(17)],
    ["spec.versions[0].subresources.status", v1(16)],
    ["spec.versions[1].selectableFields[0].jsonPath", v1beta1(8)],
    ["metadata.annotations[b.example.com/k]", v1beta1(9)],
  ])("%s: at %s", (field, where) => {
    expect(at(crd, field)).toBe(where);
  });

  test("a label or annotation Kubernetes reports at the whole map: the tag its bad value names", () => {
    expect(at(crd, "metadata.labels", "c")).toBe(v1(15));
    expect(at(crd, "metadata.labels", "d")).toBe(v1(15));
    expect(at(crd, "metadata.labels", "b")).toBe(v1(14));
    expect(at(crd, "metadata.annotations", "b.example.com/k")).toBe(v1beta1(9));
  });

  test("fields no tag set: nowhere, so the error stays at the root", () => {
    expect(at(crd, "spec.names.shortNames[10]")).toBeUndefined();
    expect(at(crd, "spec.names.pluralX")).toBeUndefined();
    expect(at(crd, "spec.versions[1].deprecationWarning")).toBeUndefined();
    expect(at(crd, "metadata.annotations[api-approved.kubernetes.io]")).toBeUndefined();
    expect(at(crd, "spec.versions")).toBeUndefined();
    // A default made from the type's name.
    const plain = emitted({ "/project/types.ts": base() });
    expect(at(plain, "spec.names.plural")).toBeUndefined();
    expect(at(plain, "spec.names.kind")).toBeUndefined();
    expect(at(plain, "spec.group")).toBe("/project/types.ts:4");
  });
});
