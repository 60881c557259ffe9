/**
 * Random type declarations decorated with random tags of crdgen's registry, each with values
 * users plausibly write and values they write by mistake (wrong kind, empty, out of range,
 * misspelt, quoted, unicode, broken JSON/regex/CEL...): the input of the tag fuzzer.
 */
import fc from "fast-check";
import { tagRegistry } from "../../src/tags/index.js";

/** A tag as written: `@name` and the text after it (which may span lines). */
export interface TagSpec {
  name: string;
  value: string;
}

export type FuzzType =
  | { kind: "string" | "number" | "boolean" | "int32" | "unknown" }
  | { kind: "literals"; values: string[] }
  | { kind: "array"; items: FuzzType }
  | { kind: "record"; values: FuzzType }
  | { kind: "object"; props: FuzzProp[]; named: boolean; tags: TagSpec[] }
  /** A named alias of `target`, tagged as a type (`type NameN = string`). */
  | { kind: "alias"; target: FuzzType; tags: TagSpec[] };

export interface FuzzProp {
  name: string;
  optional: boolean;
  nullable: boolean;
  type: FuzzType;
  tags: TagSpec[];
}

export interface FuzzRoot {
  spec: Extract<FuzzType, { kind: "object" }>;
  /** Tags on the root besides @crd, @group and @version (which `group`/`version` replace when set). */
  tags: TagSpec[];
  group?: string;
  version?: string;
}

/** Mistakes that fit any tag: the fuzzer's common stock of bad values. */
const ANY_BAD = [
  "",
  " ",
  "abc",
  "-1",
  "0",
  "1.5",
  "1e309",
  "-1e309",
  "9007199254740993",
  "1152921504606846976",
  "NaN",
  "Infinity",
  "0x10",
  "1_000",
  '"quoted"',
  "'single'",
  "`tick`",
  "ünïcödé 🎉",
  "ｆｕｌｌｗｉｄｔｈ",
  "{",
  "[1,",
  "{}",
  "[]",
  "null",
  "true",
  "@",
  "=",
  "a=b",
  "key=",
  '"unterminated',
  "\\",
  "\\u0000",
  "63 extra words",
  "x\n * and a second line",
  "{@link Foo}",
  "constructor",
  "__proto__",
  "toString",
];

const NUMBERS = [
  "0",
  "1",
  "3",
  "10",
  "63",
  "-5",
  "2.5",
  "1e3",
  "4294967296",
  "-0",
  "+7",
  "1,000",
  ".5",
  "5.",
];
const COUNTS = ["0", "1", "3", "63", "253", "-1", "1.5", "1e2", "2147483648", "9007199254740991", "01"];
const REGEXES = [
  "^[a-z]+$",
  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
  "[a-z]*",
  ".*",
  "^(a|b$",
  "^[z-a]$",
  "(?<name>x)",
  "^a{2,1}$",
  "\\d+\\",
  "^\\p{Greek}+$",
  "(?=look)ahead",
  "/^[a-z]+$/",
  '"^x$"',
  "^a*\\/b$",
  "^[^]]$",
  "^x{1001}$",
];
const CEL = [
  "self.size() > 0",
  'rule="self.size() > 0"',
  'rule="self.size() > 0" message="must not be empty"',
  'rule="self == oldSelf" message="immutable" reason=FieldValueForbidden',
  'rule="self.x < " message="broken"',
  "self.(",
  "has(self.missing)",
  "self.nope > 1",
  'rule="true" fieldPath=.a',
  'rule="true" fieldPath=spec.a',
  'rule="true" reason=Bogus',
  'rule="true" messageExpression="\'m\'"',
  'rule="true" messageExpression="1"',
  'rule="true",message="comma"',
  "rule=",
  'rule="self.all(x, x"',
  'message="only a message"',
  "optionalOldSelf",
  'rule="oldSelf == self" optionalOldSelf=true',
  "rule=\"self.matches('[')\"",
  "self\n * more rule",
];
const JSONS = [
  "0",
  "1",
  "-3",
  "2.5",
  '"text"',
  "text",
  "true",
  "false",
  "null",
  "[]",
  '["a"]',
  "[1, 2]",
  "{}",
  '{"a": 1}',
  '{"a": ',
  "[1,]",
  "{'a': 1}",
  "Always",
  "9007199254740993",
  '"x"\n * and documentation',
  "[\n *   1\n * ]",
];
const FORMATS = [
  "int32",
  "int64",
  "date-time",
  "date",
  "byte",
  "uuid",
  "hostname",
  "ipv4",
  "cidr",
  "email",
  "uri",
  "duration",
  "float",
  "double",
  "password",
  "int8",
  "made-up",
  "date_time",
  "=int32",
  ":date-time",
];
const DNS_NAMES = [
  "widgets",
  "widget",
  "things",
  "w",
  "Widgets",
  "wid_gets",
  "a".repeat(64),
  "-lead",
  "trail-",
  "cert;certs",
  "all",
  "spec",
];
const PATHS = [
  ".spec",
  ".spec.a",
  ".spec.b",
  ".status",
  ".metadata.name",
  "spec.a",
  ".spec[0]",
  ".spec.missing",
  ".",
  "",
];
const TEXTS = [
  "Some text.",
  "A\n * wrapped text",
  "ünïcödé",
  "",
  "'quoted'",
  '"double"',
  "<b>html</b>",
  "x".repeat(300),
];

/** Values for each registered tag: plausible ones first, then that tag's own mistakes. */
export const TAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  minimum: NUMBERS,
  maximum: NUMBERS,
  exclusiveMinimum: ["", "true", "false", ...NUMBERS],
  exclusiveMaximum: ["", "true", "false", ...NUMBERS],
  multipleOf: ["2", "0.5", "0", "-2", "1e-300", ...NUMBERS],
  minLength: COUNTS,
  maxLength: COUNTS,
  minItems: COUNTS,
  maxItems: COUNTS,
  minProperties: COUNTS,
  maxProperties: COUNTS,
  pattern: REGEXES,
  format: FORMATS,
  default: JSONS,
  exampleValue: JSONS,
  nullable: ["", "true", "false", "once set"],
  deprecated: ["", "Use b instead.", '"quoted warning"', "x".repeat(300), "Multi\n * line warning"],
  description: TEXTS,
  title: TEXTS,
  intOrString: ["", "true", "maybe"],
  preserveUnknownFields: ["", "true", "false"],
  uniqueItems: ["", "true", "false"],
  noUnionRules: ["", "true"],
  validation: CEL,
  listType: ["atomic", "set", "map", "sets", "Atomic", "", "map set"],
  listMapKey: ["name", "a", "b", "missing", "a,b", "", "a b"],
  mapType: ["atomic", "granular", "granulr", ""],
  structType: ["atomic", "granular", "Granular", ""],
  embeddedResource: ["", "true", "yes"],
  schemaless: ["", "true"],
  schemaType: ["string", "integer", "number", "boolean", "object", "array", "int", "", "null"],
  externalDocs: [
    "url=https://example.com",
    'url=https://example.com description="More docs"',
    "https://example.com",
    "url=",
    "description=x",
    "url=https://example.com extra=1",
  ],
  immutable: ["", "once set", "true"],
  atMostOneOf: ["a,b", "a,a", "a", "missing,a", "a, b", "a b", ""],
  exactlyOneOf: ["a,b", "a,a", "a", "missing,a", "a, b", ""],
  atLeastOneOf: ["a,b", "a", "missing,a", ""],
  // Root tags
  crd: ["", "true", "Widget"],
  group: ["example.com", "x.io", "example", "Example.com", "a..b", "-x.io", "x.io extra"],
  version: ["v1", "v1beta1", "v2alpha3", "V1", "1", "v1.0", "v1 beta"],
  kind: ["Widget", "Gadget", "widget", "Wid-get", "W".repeat(60), "Widget Thing"],
  plural: DNS_NAMES,
  singular: DNS_NAMES,
  scope: ["Namespaced", "Cluster", "cluster", "Global", "", "Cluster Namespaced"],
  shortName: DNS_NAMES,
  category: DNS_NAMES,
  storageVersion: ["", "true", "false"],
  served: ["true", "false", "", "yes", "False"],
  subresource: [
    "status",
    "scale specReplicasPath=.spec.a statusReplicasPath=.status.a",
    "scale specReplicasPath=.spec.a statusReplicasPath=.status.a labelSelectorPath=.status.s",
    "scale",
    "scale specReplicasPath=.spec.missing statusReplicasPath=.status.a",
    "Status",
    "stats",
    "status scale",
  ],
  printColumn: [
    "name=A type=string jsonPath=.spec.a",
    "name=A type=integer jsonPath=.spec.a",
    'name=Age type=date jsonPath=.metadata.creationTimestamp description="When"',
    "name=A type=string jsonPath=.spec.a priority=1 format=byte",
    "name=A type=bogus jsonPath=.spec.a",
    "name=A jsonPath=.spec.a",
    "name=A type=string jsonPath=spec.a",
    "name=A,type=string,jsonPath=.spec.a",
    "name=A type=string jsonPath=.spec.a priority=-1",
    'name="" type=string jsonPath=.spec.a',
    "type=string jsonPath=.spec.a",
    "name=A type=string jsonPath=.spec[",
  ],
  selectableField: PATHS,
  annotation: ["example.com/a=b", "a=b", "a", "=b", "Example.com/A=b", "a=b c", "a/b/c=d", 'a="x y"'],
  label: ["example.com/a=b", "a=b", "a=" + "v".repeat(64), "a=b c", "a=-x-", "a=", "UPPER=ok"],
};

/** Tag names that apply to a root only. */
const ROOT_ONLY = new Set([
  "crd",
  "group",
  "version",
  "kind",
  "plural",
  "singular",
  "scope",
  "shortName",
  "category",
  "storageVersion",
  "served",
  "subresource",
  "printColumn",
  "selectableField",
  "annotation",
  "label",
]);

const VALUE_TAG_NAMES = Object.keys(TAG_VALUES).filter((n) => !ROOT_ONLY.has(n));
const ROOT_TAG_NAMES = [...ROOT_ONLY].filter((n) => !["crd", "group", "version"].includes(n));

/** What a node holds, as far as which tags fit it. */
type Holds = "string" | "number" | "boolean" | "array" | "map" | "object" | "any";

function holds(t: FuzzType): Holds {
  switch (t.kind) {
    case "string":
    case "literals":
      return "string";
    case "number":
    case "int32":
      return "number";
    case "boolean":
      return "boolean";
    case "unknown":
      return "any";
    case "array":
      return "array";
    case "record":
      return "map";
    case "object":
      return "object";
    case "alias":
      return holds(t.target);
  }
}

const ANYWHERE: readonly TagSpec[] = [
  { name: "description", value: "Some text." },
  { name: "title", value: "A title" },
  { name: "deprecated", value: "" },
  { name: "deprecated", value: "Use b instead." },
  { name: "nullable", value: "" },
  { name: "validation", value: 'rule="self == self" message="always"' },
];

/** Tags with values that fit a node of each kind: what a careful user writes. */
const FITTING: Readonly<Record<Holds, readonly TagSpec[]>> = {
  string: [
    ...ANYWHERE,
    { name: "minLength", value: "1" },
    { name: "maxLength", value: "63" },
    { name: "maxLength", value: "3" },
    { name: "pattern", value: "^[a-z]+$" },
    { name: "pattern", value: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
    { name: "format", value: "date-time" },
    { name: "format", value: "byte" },
    { name: "format", value: "uuid" },
    { name: "default", value: '"A"' },
    { name: "exampleValue", value: '"A"' },
    { name: "validation", value: "self.size() > 0" },
  ],
  number: [
    ...ANYWHERE,
    { name: "minimum", value: "0" },
    { name: "minimum", value: "-5" },
    { name: "maximum", value: "10" },
    { name: "exclusiveMinimum", value: "0" },
    { name: "exclusiveMaximum", value: "" },
    { name: "multipleOf", value: "2" },
    { name: "format", value: "int32" },
    { name: "format", value: "int64" },
    { name: "default", value: "1" },
    { name: "exampleValue", value: "3" },
    { name: "validation", value: 'rule="self >= 0" message="not negative"' },
  ],
  boolean: [...ANYWHERE, { name: "default", value: "true" }, { name: "exampleValue", value: "false" }],
  array: [
    ...ANYWHERE,
    { name: "minItems", value: "1" },
    { name: "maxItems", value: "3" },
    { name: "listType", value: "atomic" },
    { name: "listType", value: "set" },
    { name: "default", value: "[]" },
    { name: "validation", value: "self.size() <= 10" },
  ],
  map: [
    ...ANYWHERE,
    { name: "minProperties", value: "1" },
    { name: "maxProperties", value: "5" },
    { name: "mapType", value: "granular" },
    { name: "mapType", value: "atomic" },
    { name: "default", value: "{}" },
    { name: "preserveUnknownFields", value: "" },
  ],
  object: [
    ...ANYWHERE,
    { name: "minProperties", value: "1" },
    { name: "maxProperties", value: "5" },
    { name: "structType", value: "atomic" },
    { name: "default", value: "{}" },
    { name: "preserveUnknownFields", value: "" },
    { name: "embeddedResource", value: "" },
    { name: "externalDocs", value: "url=https://example.com" },
  ],
  any: [...ANYWHERE, { name: "schemaless", value: "" }, { name: "default", value: '{"a": 1}' }],
};

const ROOT_FITTING: readonly TagSpec[] = [
  { name: "kind", value: "Widget" },
  { name: "plural", value: "widgets" },
  { name: "singular", value: "thing" },
  { name: "scope", value: "Cluster" },
  { name: "scope", value: "Namespaced" },
  { name: "shortName", value: "th" },
  { name: "category", value: "all" },
  { name: "subresource", value: "status" },
  { name: "subresource", value: "scale specReplicasPath=.spec.count statusReplicasPath=.status.a" },
  { name: "printColumn", value: "name=Age type=date jsonPath=.metadata.creationTimestamp" },
  { name: "printColumn", value: "name=S type=string jsonPath=.status.s" },
  { name: "selectableField", value: ".status.s" },
  { name: "served", value: "true" },
  { name: "storageVersion", value: "" },
  { name: "deprecated", value: '"use v2"' },
  { name: "annotation", value: "example.com/a=b" },
  { name: "label", value: "example.com/a=b" },
  { name: "validation", value: 'rule="self.metadata.name.size() < 60"' },
];

/** A tag name, mostly right; sometimes misspelt or in another case, as users write them. */
function tagName(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => n.toLowerCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => `${n}s`) },
  );
}

/** Any tag of `names` with any value: what a hurried user writes. */
function sloppyTag(names: readonly string[]): fc.Arbitrary<TagSpec> {
  return tagName(names).chain((name) => {
    const own = TAG_VALUES[name];
    const value = own
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...own) },
          { weight: 1, arbitrary: fc.constantFrom(...ANY_BAD) },
        )
      : fc.constantFrom(...ANY_BAD);
    return value.map((v) => ({ name, value: v }));
  });
}

const REPEATABLE = new Set(
  tagRegistry
    .all()
    .filter((t) => t.repeatable)
    .map((t) => t.name),
);

/** Tags for a node: mostly ones that fit it, with a mistake now and then. */
function tagsFor(fitting: readonly TagSpec[], names: readonly string[]): fc.Arbitrary<TagSpec[]> {
  return fc.uniqueArray(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...fitting) },
      { weight: 1, arbitrary: sloppyTag(names) },
    ),
    // Mostly one tag of a name: a repeat is an error of its own, which would hide the others.
    { maxLength: 3, selector: (t) => (REPEATABLE.has(t.name) ? `${t.name} ${t.value}` : t.name) },
  );
}

/** Tags of a named type that holds what `t` holds. */
const tagsOf = (t: FuzzType) => tagsFor(FITTING[holds(t)], VALUE_TAG_NAMES);
/** Tags of a property of type `t`: a type's, and `@immutable`. */
const propTagsOf = (t: FuzzType) =>
  tagsFor([...FITTING[holds(t)], { name: "immutable", value: "" }], VALUE_TAG_NAMES);

/** Property names are few, so that one-of tags, list-map keys and paths often name real ones. */
const propName = fc.constantFrom("a", "b", "name", "s", "items", "count");

function prop(type: fc.Arbitrary<FuzzType>): fc.Arbitrary<FuzzProp> {
  return fc
    .record({ name: propName, optional: fc.boolean(), nullable: fc.boolean(), type })
    .chain((p) => propTagsOf(p.type).map((tags) => ({ ...p, tags })));
}

function objectOf(type: fc.Arbitrary<FuzzType>): fc.Arbitrary<Extract<FuzzType, { kind: "object" }>> {
  return fc
    .record({
      named: fc.boolean(),
      props: fc.uniqueArray(prop(type), { selector: (p) => p.name, minLength: 1, maxLength: 3 }),
    })
    .chain((o) => {
      // One-of groups of the object's own properties, as a careful user writes them.
      const names = o.props.map((p) => p.name);
      const oneOfs: TagSpec[] = ["atMostOneOf", "exactlyOneOf", "atLeastOneOf"].flatMap((name) =>
        names.length < 2 ? [] : [{ name, value: names.slice(0, 2).join(",") }],
      );
      return tagsFor([...FITTING.object, ...oneOfs], VALUE_TAG_NAMES).map((tags) => ({
        kind: "object" as const,
        ...o,
        tags,
      }));
    });
}

const fuzzType: fc.Arbitrary<FuzzType> = fc.letrec<{ type: FuzzType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<FuzzType>(
      { kind: "string" },
      { kind: "number" },
      { kind: "boolean" },
      { kind: "int32" },
      { kind: "unknown" },
    ),
    fc
      .uniqueArray(fc.constantFrom("A", "B", "c-d", "1"), { minLength: 1, maxLength: 3 })
      .map((values): FuzzType => ({ kind: "literals", values })),
    tie("type").map((items): FuzzType => ({ kind: "array", items })),
    tie("type").map((values): FuzzType => ({ kind: "record", values })),
    tie("type").chain((target) => tagsOf(target).map((tags): FuzzType => ({ kind: "alias", target, tags }))),
    objectOf(tie("type")),
  ),
})).type;

/** One of `values` now and then, else undefined (the default). */
function rarely(values: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...values) },
  );
}

export const fuzzRoot: fc.Arbitrary<FuzzRoot> = fc.record(
  {
    spec: objectOf(fuzzType).map((o) => ({ ...o, named: true })),
    tags: tagsFor(ROOT_FITTING, [...ROOT_TAG_NAMES, "validation", "deprecated", "description"]),
    group: rarely(TAG_VALUES.group!),
    version: rarely(TAG_VALUES.version!),
  },
  { requiredKeys: ["spec", "tags"] },
);

/** A doc comment of `tags`, indented by `indent`; none when there are none. */
function docComment(tags: readonly TagSpec[], indent: string): string {
  if (tags.length === 0) return "";
  const lines = tags.map((t) => `${indent} * @${t.name}${t.value === "" ? "" : ` ${t.value}`}`);
  return `${indent}/**\n${lines.join("\n").replaceAll("\n *", `\n${indent} *`)}\n${indent} */\n`;
}

/** TypeScript source declaring `Spec`, its named helper types, and the root `Thing`. */
export function fuzzSource(root: FuzzRoot): string {
  const decls: string[] = [];
  let counter = 0;
  const body = (o: Extract<FuzzType, { kind: "object" }>): string =>
    `{\n${o.props
      .map(
        (p) =>
          `${docComment(p.tags, "  ")}  ${p.name}${p.optional ? "?" : ""}: ${write(p.type)}${p.nullable ? " | null" : ""};`,
      )
      .join("\n")}\n}`;
  const write = (t: FuzzType): string => {
    switch (t.kind) {
      case "string":
      case "number":
      case "boolean":
      case "unknown":
      case "int32":
        return t.kind;
      case "literals":
        return t.values.map((v) => JSON.stringify(v)).join(" | ");
      case "array":
        return `Array<${write(t.items)}>`;
      case "record":
        return `Record<string, ${write(t.values)}>`;
      case "alias": {
        const name = `Alias${counter++}`;
        decls.push(`${docComment(t.tags, "")}export type ${name} = ${write(t.target)};`);
        return name;
      }
      case "object": {
        if (!t.named) return body(t);
        const name = `Named${counter++}`;
        decls.push(`${docComment(t.tags, "")}export interface ${name} ${body(t)}`);
        return name;
      }
    }
  };
  const spec = body(root.spec);
  const rootTags: TagSpec[] = [
    { name: "crd", value: "" },
    { name: "group", value: root.group ?? "fuzz.example.com" },
    { name: "version", value: root.version ?? "v1" },
    ...root.tags,
  ];
  return `type int32 = number;
${decls.join("\n")}
${docComment(root.spec.tags, "")}export interface Spec ${spec}
export interface Status { a?: int32; s?: string }
${docComment(rootTags, "")}export interface Thing { spec: Spec; status?: Status }
`;
}
