/**
 * What the API server (or its naming controller) would refuse in the CRD envelope, said at the
 * tag that wrote it: names shared by two CRDs of a group, versions of one kind that disagree,
 * names and metadata Kubernetes does not take, and version flags it limits. Some are crdgen's
 * checks of the tag; the rest are Kubernetes' own errors, placed at the tag (envelope-origins.test.ts).
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { errorsOf, generateFrom } from "../helpers/generate.js";

/** Runs every file as an entry, as `crdgen api/v1/types.ts api/v1beta1/types.ts` does. */
function generateEntries(files: Record<string, string>): GenerateResult {
  const fileSystem = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fileSystem.writeFileSync(p, text);
  return generate({ entries: Object.keys(files), cwd: "/project", fileSystem, typeCheck: true });
}

/** A root named `name` with one tag a line: line 1 is `/**`, line 2 its doc, tag i (from 0) on line i + 3. */
function root(name: string, ...tags: string[]): string {
  return `/**\n * ${name}.\n${tags.map((t) => ` * ${t}\n`).join("")} */\nexport interface ${name} { spec: { a?: string; n?: number }; status?: { r?: number } }\n`;
}

/** Each error as `line:column message`, the way a reader sees where it points. */
function placed(errors: readonly Diagnostic[]): string[] {
  return errors.map((e) => `${e.location?.line}:${e.location?.column} ${e.message}`);
}

const errors = (r: GenerateResult) => r.diagnostics.filter((d) => d.severity === "error");

/** How an error of Kubernetes' own about the generated CRD starts. */
const REJECTED = "Kubernetes would reject the generated CRD widgets.a.example.com:";

describe("names two CRDs of one group share", () => {
  test("two kinds with one plural: an error at the @plural tag, and nothing written", () => {
    // Both would be things.a.example.com, written to one file: the second replaced the first.
    const source =
      root("Widget", "@crd", "@group a.example.com", "@version v1", "@plural things") +
      root("Gadget", "@crd", "@group a.example.com", "@version v1", "@plural things");
    const result = generateFrom(source);
    expect(result.ok).toBe(false);
    expect(result.files).toEqual([]);
    expect(placed(errors(result))).toEqual([
      "14:4 Gadget.a.example.com and Widget.a.example.com have the same plural things, so both would be the CRD things.a.example.com: the one installed second would replace the first.",
    ]);
    expect(errors(result)[0]!.hint).toBe("give one of them another @plural");
  });

  test("a short name that is another CRD's plural, or another's short name: at the @shortName tag", () => {
    const source =
      root("Widget", "@crd", "@group a.example.com", "@version v1", "@shortName gadgets", "@shortName w") +
      root("Gadget", "@crd", "@group a.example.com", "@version v1", "@shortName w");
    expect(placed(errorsOf(source))).toEqual([
      '6:4 The short name gadgets of Widget.a.example.com is the plural of Gadget.a.example.com; Kubernetes would not accept the names of the CRD installed second ("gadgets" is already in use).',
      '7:4 The short name w of Widget.a.example.com is the short name of Gadget.a.example.com; Kubernetes would not accept the names of the CRD installed second ("w" is already in use).',
    ]);
  });

  test("a kind that is another CRD's list kind", () => {
    const source =
      root("Gadget", "@crd", "@group a.example.com", "@version v1") +
      root("GL", "@crd", "@group a.example.com", "@version v1", "@kind GadgetList");
    expect(errorsOf(source).map((e) => e.message)).toEqual([
      'The list kind GadgetList of Gadget.a.example.com is the kind of GadgetList.a.example.com; Kubernetes would not accept the names of the CRD installed second ("GadgetList" is already in use).',
    ]);
  });

  test("the same names in two groups are fine", () => {
    const source =
      root("Widget", "@crd", "@group a.example.com", "@version v1", "@shortName wd") +
      root("Gadget", "@crd", "@group b.example.com", "@version v1", "@kind Widget", "@shortName wd");
    expect(errorsOf(source)).toEqual([]);
  });
});

describe("versions of one kind, one file a version", () => {
  const version = (v: string, ...tags: string[]) =>
    root("Widget", "@crd", "@group a.example.com", `@version ${v}`, ...tags);

  test("the same version in two files: one error naming the other file, no storage-version error", () => {
    const result = generateEntries({
      "/project/api/v1/types.ts": version("v1"),
      "/project/api/v1copy/types.ts": version("v1"),
    });
    expect(errors(result).map((e) => [e.location?.file, e.message])).toEqual([
      [
        "/project/api/v1copy/types.ts",
        "Widget.a.example.com version v1 is declared more than once: by Widget here and by Widget (../v1/types.ts:7).",
      ],
    ]);
  });

  test("every CRD-level setting the versions disagree on, each at the tag that differs", () => {
    const result = generateEntries({
      "/project/api/v1/types.ts": version(
        "v1",
        "@storageVersion",
        "@scope Cluster",
        "@shortName wd",
        "@category all",
      ),
      "/project/api/v2/types.ts": version("v2", "@shortName wg", "@plural widgetz"),
    });
    expect(placed(errors(result))).toEqual([
      "6:4 Versions of Widget.a.example.com disagree on short names: v2 (Widget) has wg, but v1 (Widget, ../v1/types.ts:11) has wd.",
      "7:4 Versions of Widget.a.example.com disagree on plural: v2 (Widget) has widgetz, but v1 (Widget, ../v1/types.ts:11) has widgets.",
      "9:18 Versions of Widget.a.example.com disagree on scope: v2 (Widget) has Namespaced, but v1 (Widget, ../v1/types.ts:11) has Cluster.",
      "9:18 Versions of Widget.a.example.com disagree on categories: v2 (Widget) has none, but v1 (Widget, ../v1/types.ts:11) has all.",
    ]);
    expect(errors(result)[2]!.hint).toBe(
      "all versions of a CRD share its scope: write the same @scope on every version's root",
    );
  });

  test("short names in another order are the same short names", () => {
    const result = generateEntries({
      "/project/api/v1/types.ts": version("v1", "@storageVersion", "@shortName wd", "@shortName wdg"),
      "/project/api/v2/types.ts": version("v2", "@shortName wdg", "@shortName wd"),
    });
    expect(errors(result)).toEqual([]);
  });

  test("a second @storageVersion: the error is at that tag", () => {
    const result = generateEntries({
      "/project/api/v1/types.ts": version("v1", "@storageVersion"),
      "/project/api/v1beta1/types.ts": version("v1beta1", "@storageVersion"),
    });
    expect(errors(result).map((e) => [e.location?.file, e.location?.line])).toEqual([
      ["/project/api/v1beta1/types.ts", 6],
    ]);
  });
});

describe("names Kubernetes does not take, at their tag", () => {
  const base = (...tags: string[]) => root("Widget", "@crd", ...tags);

  test("a group without a dot; no 'has no @group' after it", () => {
    const found = errorsOf(base("@group widgets", "@version v1"));
    expect(placed(found)).toEqual([
      '4:4 @group expects a domain with at least one dot, as Kubernetes requires of a group, got "widgets".',
    ]);
    expect(found[0]!.hint).toBe("write a domain you own, such as @group widgets.example.com");
  });

  test("an upper-case group or plural: the hint gives it in lower case", () => {
    const found = errorsOf(base("@group Example.com", "@version v1", "@plural Widgets"));
    expect(found.map((e) => e.hint)).toEqual(["write @group example.com", "write it in lower case: widgets"]);
  });

  test("a short name over 63 characters: Kubernetes' error, at the @shortName tag", () => {
    const long = "w".repeat(64);
    expect(placed(errorsOf(base("@group a.example.com", "@version v1", `@shortName ${long}`)))).toEqual([
      `6:4 ${REJECTED} spec.names.shortNames[0]: Invalid value: "${long}": must be no more than 63 characters`,
    ]);
  });

  test.each([
    ["All", "write it in lower case: all"],
    ["a_b", undefined],
  ])("@category %s is not a DNS-1035 label: at the tag", (category, hint) => {
    const found = errorsOf(base("@group a.example.com", "@version v1", `@category ${category}`));
    expect(placed(found)).toEqual([
      expect.stringMatching(
        `^6:4 ${REJECTED} spec\\.names\\.categories\\[0\\]: Invalid value: "${category}": a DNS-1035 label must consist of lower case`,
      ),
    ]);
    expect(found[0]!.hint).toBe(hint);
  });

  test("a kind too long for its list kind", () => {
    const kind = `K${"k".repeat(59)}`;
    expect(errorsOf(base("@group a.example.com", "@version v1", `@kind ${kind}`))[0]!.message).toBe(
      `@kind is 60 characters long; a kind has at most 59, so that its list kind ${kind}List has at most 63.`,
    );
  });

  test("a type name that is no kind, without @kind: an error at the type, suggesting one", () => {
    const source = `/**\n * @crd\n * @group a.example.com\n * @version v1\n */\nexport interface Widget_v1 { spec: { a?: string } }\n`;
    const found = errorsOf(source);
    expect(placed(found)).toEqual([
      "6:18 Widget_v1 is not a valid kind: Kubernetes allows only letters and digits, starting with a letter.",
    ]);
    expect(found[0]!.hint).toBe("name the kind with @kind, e.g. `@kind WidgetV1`");
  });

  test("<plural>.<group> over 253 characters: at the @group tag", () => {
    const group = `${"g".repeat(60)}.`.repeat(4) + "ab.com"; // 250 characters, a valid group
    const found = errorsOf(base(`@group ${group}`, "@version v1"));
    expect(placed(found)).toEqual([
      `4:4 The CRD's name widgets.${group} is 258 characters long; Kubernetes allows at most 253 for <plural>.<group>.`,
    ]);
  });
});

describe("the CRD's own annotations and labels", () => {
  const base = (...tags: string[]) => root("Widget", "@crd", "@group a.example.com", "@version v1", ...tags);

  test("valid keys and values, an annotation's value with spaces, an annotation's key in upper case", () => {
    // Kubernetes checks an annotation's key in lower case (a label's as it is).
    const result = generateFrom(
      base(
        '@annotation example.com/owner="team a"',
        "@annotation Example.com/Team=a",
        "@label app.kubernetes.io/name=widget",
        "@label empty=",
      ),
    );
    expect(errors(result)).toEqual([]);
    expect(result.crds[0]!.metadata).toMatchObject({
      annotations: { "example.com/owner": "team a", "Example.com/Team": "a" },
      labels: { "app.kubernetes.io/name": "widget", empty: "" },
    });
  });

  test.each([
    [
      "@annotation Bad Key=x",
      `${REJECTED} metadata.annotations: Invalid value: "Bad Key": name part must consist`,
    ],
    ["@label -x=y", `${REJECTED} metadata.labels: Invalid value: "-x": name part must consist`],
    [
      "@label Example.com/x=y",
      `${REJECTED} metadata.labels: Invalid value: "Example.com/x": prefix part a lowercase RFC 1123 subdomain`,
    ],
    ["@label team=a b", '@label value "a b" is not valid: a valid label must be an empty string'],
    [
      `@label team=${"x".repeat(64)}`,
      `@label value "${"x".repeat(64)}" is not valid: must be no more than 63 characters`,
    ],
  ])("%s: an error at the tag", (tag, start) => {
    const found = errorsOf(base(tag));
    expect(found).toHaveLength(1);
    expect(found[0]!.message.startsWith(start)).toBe(true);
    expect(found[0]!.location?.line).toBe(6);
  });
});

describe("version flags and paths Kubernetes limits, at their tag", () => {
  const base = (...tags: string[]) => root("Widget", "@crd", "@group a.example.com", "@version v1", ...tags);

  test("a labelSelectorPath outside .spec and .status: Kubernetes' error, at the scale tag", () => {
    const source = `/**\n * @crd\n * @group a.example.com\n * @version v1\n * @subresource status\n * @subresource scale specReplicasPath=.spec.n statusReplicasPath=.status.r labelSelectorPath=.metadata.name\n */\nexport interface Widget { spec: { n?: int32 }; status?: { r?: int32 } }\ntype int32 = number;\n`;
    expect(placed(errorsOf(source))).toEqual([
      `6:4 ${REJECTED} spec.subresources.scale.labelSelectorPath: Invalid value: ".metadata.name": should be a json path under either .spec or .status`,
    ]);
  });

  test("a selectable field in metadata", () => {
    expect(placed(errorsOf(base("@selectableField .metadata.name")))).toEqual([
      "6:4 Selectable field .metadata.name is in metadata; Kubernetes allows only fields outside it.",
    ]);
  });

  test("a ninth selectable field: Kubernetes' error, at that tag", () => {
    const fields = Array.from({ length: 9 }, (_, i) => `f${i}`);
    const source = `/**\n * @crd\n * @group a.example.com\n * @version v1\n${fields.map((f) => ` * @selectableField .spec.${f}\n`).join("")} */\nexport interface Widget { spec: { ${fields.map((f) => `${f}?: string`).join("; ")} } }\n`;
    expect(placed(errorsOf(source))).toEqual([
      `13:4 ${REJECTED} spec.selectableFields: Too many: 9: must have at most 8 items`,
    ]);
  });

  test("a deprecation warning wrapped over two comment lines is one line", () => {
    const source = `/**\n * @crd\n * @group a.example.com\n * @version v1beta1\n * @deprecated This version is deprecated,\n * use v1 instead.\n */\nexport interface Widget { spec: { a?: string } }\n`;
    const result = generateFrom(source);
    expect(errors(result)).toEqual([]);
    expect(result.crds[0]!.spec.versions[0]).toMatchObject({
      deprecated: true,
      deprecationWarning: "This version is deprecated, use v1 instead.",
    });
  });

  test("a deprecation warning over 256 characters: Kubernetes' error, at the @deprecated tag", () => {
    const warning = "x".repeat(257);
    expect(placed(errorsOf(base(`@deprecated "${warning}"`)))).toEqual([
      `6:4 ${REJECTED} spec.versions[0].deprecationWarning: Invalid value: "${warning}": must be <= 256 characters long`,
    ]);
  });
});
