/**
 * Every diagnostic code crdgen prints. Codes are public: users grep for them and
 * CI annotations carry them, so a code is never reused for a different meaning.
 * 1xxx: reading TypeScript; 2xxx: Kubernetes validation; 3xxx: transforms; 4xxx: usage and files.
 */
export const codes = {
  // Reading
  tsSyntax: "CRD1001",
  unsupportedType: "CRD1002",
  unknownTag: "CRD1003",
  badTagValue: "CRD1004",
  tagMisplaced: "CRD1005",
  missingCrdTag: "CRD1006",
  noRoots: "CRD1007",
  recursiveType: "CRD1008",
  objectUnion: "CRD1009",
  mixedUnion: "CRD1010",
  duplicateCrd: "CRD1011",
  versionConflict: "CRD1012",
  rootShape: "CRD1013",
  /** A tagged doc comment TypeScript attaches to nothing (written on the line of the token before). */
  strandedDocComment: "CRD1014",
  /** A map whose keys follow a pattern (`[key: \`x-${string}\`]: T`) a schema cannot enforce. */
  unenforcedKeyPattern: "CRD1015",
  /** A property declared in several places (an intersection, a merged interface) with tags that disagree. */
  conflictingDeclarations: "CRD1016",
  /** A controller-gen marker (`+kubebuilder:validation:Minimum=0`) in a doc comment, which would shape the CRD in Go. */
  controllerGenMarker: "CRD1017",
  /** A root named as a part of a resource (`WidgetSpec`): likely `@crd` on the spec, not on the resource. */
  rootLooksLikePart: "CRD1018",
  /** A crdgen tag in a `//` or `/* *\/` comment, which TypeScript does not read tags from. */
  tagInPlainComment: "CRD1019",
  /** A `@crd` root in a file the entries import but do not include: no CRD is made of it. */
  rootOutsideEntries: "CRD1021",
  /** A root's `kind` or `apiVersion` string literal that is not the CRD's kind or group/version. */
  rootLiteralMismatch: "CRD1022",
  /** `@minimum`/`@maximum` on a Quantity, which Kubernetes checks on the numbers only, not on "1Gi". */
  quantityBound: "CRD1023",
  /** A `{@link` with no `}`, which makes TypeScript read the next line (a tag there included) as its text. */
  unclosedInlineTag: "CRD1024",
  /** A `{@inheritDoc X}` whose `X` names nothing from the comment's place: left in the description. */
  unresolvedInheritDoc: "CRD1025",
  /** A class's `private` or `protected` field: left out of the schema, though JSON.stringify writes it. */
  hiddenField: "CRD1026",
  /** A crdgen tag inside a ``` code block of a doc comment, which TypeScript reads (and crdgen applies) as a tag. */
  fencedTag: "CRD1027",
  // Kubernetes validation of the generated CRD, and `crdgen check` of CRD and custom-resource files
  invalidCrd: "CRD2001",
  /** A scalar YAML 1.1 readers (kubectl) read differently from YAML 1.2. */
  yaml11Ambiguity: "CRD2002",
  /** A custom resource its CRD would reject. */
  invalidInstance: "CRD2003",
  /** A custom resource the API server accepts with a warning. */
  instanceWarning: "CRD2004",
  /** A custom resource whose apiVersion/kind no checked CRD defines. */
  noMatchingCrd: "CRD2005",
  /** A checked file that is not valid YAML. */
  yamlSyntax: "CRD2006",
  /** A CRD too large for client-side `kubectl apply` (its last-applied-configuration annotation). */
  tooLargeForClientSideApply: "CRD2007",
  /** A CRD too large for the API server (3 MiB of JSON) or, by default, for etcd (1.5 MiB). */
  tooLargeToStore: "CRD2008",
  /** Two checked CRDs of one name whose specs differ (`crdgen check`): custom resources are checked against the last. */
  crdGivenTwice: "CRD2009",
  /** A CRD Kubernetes accepts that checks nothing, or something else than meant (`crdgen check`'s lint). */
  crdLint: "CRD2010",
  // Transforms
  indexSignatureWithProperties: "CRD3001",
  unsupportedKeyword: "CRD3002",
  unionPropertyConflict: "CRD3003",
  removedKeyword: "CRD3004",
  /** @immutable where Kubernetes cannot compare with the old object (inside a list that is not a list-map). */
  immutableInList: "CRD3005",
  /** A keyword the node's type makes meaningless (`maxLength` on a list): Kubernetes never checks it. */
  misfitKeyword: "CRD3006",
  /**
   * A `@schemaType` the TypeScript type contradicts (`string` on an object, a list or a map, `boolean` on
   * `"B"`): the properties, items, values or literals stay, and Kubernetes checks them against nothing.
   */
  propertiesOnNonObject: "CRD3007",
  /** A tag naming a property its object does not have (`@exactlyOneOf name,selectr`). */
  unknownPropertyInTag: "CRD3009",
  /** A discriminated union's member requiring a field CEL cannot see (of no type, or holding values of no type), which its rule leaves out. */
  uncheckedUnionRequirement: "CRD3010",
  /** @immutable on a field CEL cannot see (of no type, or a list or map of values of no type): no rule can compare it. */
  immutableUnseen: "CRD3011",
  // Usage and files
  fileNotFound: "CRD4001",
  tsconfig: "CRD4002",
  writeFailed: "CRD4003",
  /** An API caller's option crdgen cannot use (the command line checks its flags itself). */
  badOption: "CRD4004",
  /** An input file that is not UTF-8, whose other bytes TypeScript reads as U+FFFD. */
  notUtf8: "CRD4005",
} as const;

export type DiagnosticCode = (typeof codes)[keyof typeof codes];
