/**
 * controller-gen's own CronJob test types (`pkg/crd/testdata/cronjob_types.go`, version v1),
 * reproduced field by field from the description in ../shared/anchors/controller-gen/README.md
 * (sections 1.1-1.5). `test/controller-gen/cronjob.test.ts` compares the generated CRD with
 * controller-gen's expected `testdata.kubebuilder.io_cronjobs.yaml`.
 *
 * Run: npx crdgen examples/controller-gen-cronjob/v1.ts examples/controller-gen-cronjob/v1beta1.ts \
 *        examples/controller-gen-cronjob/v1beta2.ts --stdout
 */
import type {
  V1ContainerPort,
  V1JobTemplateSpec,
  V1ObjectReference,
  V1ServiceSpec,
} from "@kubernetes/client-node";
import type {
  int32,
  int64,
  integer,
  IntOrString,
  MicroTime,
  ObjectMeta,
  RawExtension,
  Time,
} from "../../src/known-types.js";
import type {
  AssociativeType,
  ByteSlice,
  ConcurrencyPolicy,
  ContainsNestedMap,
  Duration,
  EmpiableObject,
  ExportedStruct,
  Hosts,
  Host,
  InlineAlias,
  InlinePointerStruct,
  JustNestedObject,
  K8sConcurrencyPolicy,
  K8sNestedAssociativeList,
  LongerString,
  MinMaxObject,
  NestedAssociativeList,
  NestedMapOfInfo,
  NestedObject,
  NestedStructWithSeveralFields,
  PercentOrInteger,
  Preserved,
  RootObject,
  SmallIntOrString,
  StringAlias,
  StringAliasWithTitle,
  StringAliasWithValidation,
  StringEvenType,
  Time2,
  TotallyABool,
  unexportedStruct,
  UnmarkeredInteger,
  UnmarkeredString,
  URL,
  URL2,
  URL3,
  URL4,
} from "./helpers.js";

// Go embeds `unexportedStruct`, `ExportedStruct`, `InlineAlias` and `*InlinePointerStruct` with
// `json:",inline"`: their fields join the spec's own, which is what `extends` does.
/**
 * CronJobSpec defines the desired state of CronJob
 * @validation rule="has(oldSelf.forbiddenInt) || !has(self.forbiddenInt)" message="forbiddenInt is not allowed" fieldPath=.forbiddenInt reason=FieldValueForbidden
 */
export interface CronJobSpec extends unexportedStruct, ExportedStruct, InlineAlias, InlinePointerStruct {
  /** The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron. */
  schedule: string;

  /**
   * Optional deadline in seconds for starting the job if it misses scheduled
   * time for any reason.  Missed jobs executions will be counted as failed ones.
   */
  startingDeadlineSeconds?: int64;

  /**
   * Specifies how to treat concurrent executions of a Job.
   * Valid values are:
   * - "Allow" (default): allows CronJobs to run concurrently;
   * - "Forbid": forbids concurrent runs, skipping next run if previous run hasn't finished yet;
   * - "Replace": cancels currently running job and replaces it with a new one
   */
  concurrencyPolicy?: ConcurrencyPolicy;

  /**
   * Specifies how to treat concurrent executions of a Job.
   * Valid values are:
   * - "Allow" (default): allows CronJobs to run concurrently;
   * - "Forbid": forbids concurrent runs, skipping next run if previous run hasn't finished yet;
   * - "Replace": cancels currently running job and replaces it with a new one
   */
  k8sConcurrencyPolicy?: K8sConcurrencyPolicy;

  /**
   * This flag tells the controller to suspend subsequent executions, it does
   * not apply to already started executions.  Defaults to false.
   */
  suspend?: boolean;

  // Go's `InternalData` (json:"-") never reaches JSON, so it has no counterpart here.

  /**
   * This flag is like suspend, but for when you really mean it.
   * It helps test the +kubebuilder:validation:Type marker.
   */
  noReallySuspend?: TotallyABool;

  /** This tests byte slice schema generation. */
  binaryName: ByteSlice;

  /**
   * This tests that nullable works correctly
   * @nullable
   */
  canBeNull: string;

  /** Specifies the job that will be created when executing a CronJob. */
  jobTemplate: V1JobTemplateSpec;

  /**
   * The number of successful finished jobs to retain.
   * This is a pointer to distinguish between explicit zero and not specified.
   */
  successfulJobsHistoryLimit?: int32;

  /**
   * The number of failed finished jobs to retain.
   * This is a pointer to distinguish between explicit zero and not specified.
   */
  failedJobsHistoryLimit?: int32;

  /** This tests byte slices are allowed as map values. */
  byteSliceData?: Record<string, ByteSlice>;

  /** This tests string slices are allowed as map values. */
  stringSliceData?: Record<string, string[]>;

  /** This tests pointers are allowed as map values. */
  ptrData?: Record<string, string>;

  /**
   * This tests that markers that are allowed on both fields and types are applied to fields
   * @minLength 4
   */
  twoOfAKindPart0: string;

  /** This tests that markers that are allowed on both fields and types are applied to types */
  twoOfAKindPart1: LongerString;

  /**
   * This tests that primitive defaulting can be performed.
   * @default "forty-two"
   * @exampleValue "forty-two"
   * @title DefaultedString
   */
  defaultedString: string;

  /**
   * This tests that slice defaulting can be performed.
   * @default ["a", "b"]
   * @exampleValue ["a", "b"]
   * @title DefaultedSlice
   */
  defaultedSlice: string[];

  /**
   * This tests that slice and object defaulting can be performed.
   * @default [{"nested": {"foo": "baz", "bar": true}}, {"nested": {"foo": "qux", "bar": false}}]
   * @exampleValue [{"nested": {"foo": "baz", "bar": true}}, {"nested": {"foo": "qux", "bar": false}}]
   * @title 124
   */
  defaultedObject: RootObject[];

  /**
   * This tests that empty slice defaulting can be performed.
   * @default []
   * @title {}
   */
  defaultedEmptySlice: string[];

  /**
   * This tests that an empty object defaulting can be performed on a map.
   * @default {}
   */
  defaultedEmptyMap: Record<string, string>;

  /**
   * This tests that an empty object defaulting can be performed on an object.
   * @default {}
   */
  defaultedEmptyObject: EmpiableObject;

  // Go gives this field two defaults, a kubebuilder one and a Kubernetes one, and the
  // kubebuilder one wins; crdgen has one @default, so only the winner is written.
  /**
   * This tests that kubebuilder defaulting takes precedence.
   * @default "kubebuilder-default"
   */
  doubleDefaultedString: string;

  /**
   * This tests that primitive defaulting can be performed.
   * @default "forty-two"
   */
  kubernetesDefaultedString: string;

  /**
   * This tests that slice defaulting can be performed.
   * @default ["a", "b"]
   */
  kubernetesDefaultedSlice: string[];

  /**
   * This tests that slice and object defaulting can be performed.
   * @default [{"nested": {"foo": "baz", "bar": true}}, {"nested": {"foo": "qux", "bar": false}}]
   */
  kubernetesDefaultedObject: RootObject[];

  /**
   * This tests that empty slice defaulting can be performed.
   * @default []
   */
  kubernetesDefaultedEmptySlice: string[];

  /**
   * This tests that an empty object defaulting can be performed on a map.
   * @default {}
   */
  kubernetesDefaultedEmptyMap: Record<string, string>;

  /**
   * This tests that an empty object defaulting can be performed on an object.
   * @default {}
   */
  kubernetesDefaultedEmptyObject: EmpiableObject;

  // Go's `+default=ref(DefaultRefValue)` names a Go constant and produces no default.
  /** This tests that use of +default=ref(...) doesn't break generation */
  kubernetesDefaultedRef?: string;

  /**
   * This tests that pattern validator is properly applied.
   * @pattern ^$|^((https):\/\/?)[^\s()<>]+(?:\([\w\d]+\)|([^[:punct:]\s]|\/?))$
   */
  patternObject: string;

  // Go also writes the lower-case `validation:nullable` on the next three fields, which does
  // nothing in controller-gen; it has no counterpart here.
  /** @embeddedResource */
  embeddedResource: RawExtension;

  /** @preserveUnknownFields */
  unprunedJSON: NestedObject;

  /**
   * @preserveUnknownFields
   * @embeddedResource
   */
  unprunedEmbeddedResource: RawExtension;

  /** This tests that a type-level pruning marker works. */
  unprunedFomType: Preserved;

  /**
   * This tests that a type-level pruning marker combined with a field-level pruning marker works.
   * @preserveUnknownFields
   */
  unprunedFomTypeAndField: Preserved;

  /**
   * This tests that associative lists work.
   * @listType map
   * @listMapKey name
   * @listMapKey secondary
   */
  associativeList: AssociativeType[];

  /**
   * This tests that associative lists work using the +k8s:listType alias.
   * @listType map
   * @listMapKey name
   */
  k8sAssociativeList: AssociativeType[];

  /**
   * This tests that +k8s:listType=set works.
   * @listType set
   */
  k8sSetList?: string[];

  /**
   * This tests that +k8s:listType=atomic works.
   * @listType atomic
   */
  k8sAtomicList?: string[];

  /** This tests that associative lists work via a nested type. */
  nestedassociativeList: NestedAssociativeList;

  /** This tests that associative lists work via a nested type using the +k8s:listType alias. */
  k8sNestedAssociativeList: K8sNestedAssociativeList;

  /**
   * A map that allows different actors to manage different fields
   * @mapType granular
   */
  mapOfInfo: Record<string, ByteSlice>;

  /** A map that allows different actors to manage different fields via a nested type. */
  nestedMapOfInfo: NestedMapOfInfo;

  /**
   * A struct that can only be entirely replaced
   * @structType atomic
   */
  structWithSeveralFields: NestedObject;

  /** A struct that can only be entirely replaced via a nested type. */
  nestedStructWithSeveralFields: NestedStructWithSeveralFields;

  /**
   * A struct that can only be entirely replaced via a nested type and
   * field markers.
   * @structType atomic
   */
  nestedStructWithSeveralFieldsDoubleMarked: NestedStructWithSeveralFields;

  /** This tests that type references are properly flattened */
  justNestedObject?: JustNestedObject;

  // Go makes the next three optional with a marker although their JSON tags lack omitempty,
  // and the three after them required although their tags have it: TypeScript's `?` says both.
  /** This tests explicitly optional kubebuilder fields */
  explicitlyOptionalKubebuilder?: string;

  /** This tests explicitly optional kubernetes fields */
  explicitlyOptionalKubernetes?: string;

  /** This tests explicitly optional k8s fields */
  explicitlyOptionalK8s?: string;

  /** This tests explicitly required kubebuilder fields */
  explicitlyRequiredKubebuilder: string;

  /** This tests explicitly required kubernetes fields */
  explicitlyRequiredKubernetes: string;

  /** This tests explicitly required k8s fields */
  explicitlyRequiredK8s: string;

  /** This tests that min/max properties work */
  minMaxProperties?: MinMaxObject;

  /**
   * This tests that the schemaless marker works
   * @schemaless
   * @schemaType string
   */
  schemaless?: ByteSlice;

  /**
   * This tests that an IntOrString can also have string validation.
   * This can be useful if you want to limit the string to a percentage or integer.
   * The XIntOrString marker is a requirement for having a pattern on this type.
   * @intOrString
   * @maxLength 11
   * @minLength 2
   * @pattern ^((100|[0-9]{1,2})%|[0-9]+)$
   */
  intOrStringWithAPattern?: IntOrString;

  /**
   * This tests that an IntOrString can have enum validation.
   * The XIntOrString marker is required for applying enum to IntOrString.
   * @intOrString
   */
  intOrStringWithEnum?: 1 | 2 | "foo" | "bar";

  /** Checks that nested maps work */
  nestedMap?: Record<string, Record<string, string>>;

  /** Checks that multiply-nested maps work */
  nestedNestedMap?: Record<string, Record<string, Record<string, string>>>;

  /** Checks that maps containing types that contain maps work */
  nestedMapInStruct?: Record<string, ContainsNestedMap>;

  /** Maps of arrays of things-that-aren’t-strings are permitted */
  mapOfArraysOfFloats?: Record<string, boolean[]>;

  /**
   * Maps keyed by a type that implements encoding.TextMarshaler are permitted,
   * since such keys serialize to strings (just like TextMarshaler fields do).
   */
  mapOfTextMarshalerKeys?: Record<URL3, string>;

  /**
   * @minimum -0.5
   * @maximum 1.5
   * @multipleOf 0.5
   */
  floatWithValidations: number;

  /**
   * @minimum -0.5
   * @maximum 1.5
   * @multipleOf 0.5
   */
  float64WithValidations: number;

  /**
   * @minimum -2
   * @maximum 2
   * @multipleOf 2
   */
  intWithValidations: integer;

  /**
   * @minimum -2
   * @maximum 2
   * @multipleOf 2
   */
  int32WithValidations: int32;

  /**
   * Test of the expression-based validation rule marker, with optional message.
   * @validation rule="self.size() % 2 == 0" message="must have even length"
   * @validation rule="true"
   */
  stringWithEvenLength?: string;

  /**
   * Test of the expression-based validation with messageExpression marker.
   * Due to a bug in the cost calculation we can not include the lenght in the message expression:
   * https://github.com/kubernetes/kubernetes/issues/124234
   * @validation rule="self.size() % 2 == 0" messageExpression="self + ' has odd length, must be even'"
   */
  stringWithEvenLengthAndMessageExpression?: string;

  /**
   * Test of the expression-based validation on both field and type.
   * @validation rule="self.startsWith('good-')" message="must have good prefix"
   */
  stringWithEvenLengthAndGoodPrefix?: StringEvenType;

  /**
   * Test that we can add a forbidden field using XValidation Reason and FieldPath.
   * The validation is applied to the spec struct itself and not the field.
   */
  forbiddenInt?: integer;

  // Go's fixed-length arrays add no length limits, so they are plain lists (a TypeScript
  // tuple would say more than the schema can).
  /** Checks that fixed-length arrays work */
  array?: integer[];

  /** Checks that arrays work when the type contains a composite literal */
  arrayUsingCompositeLiteral?: string[];

  /**
   * This tests string slice item validation.
   * @minItems 1
   * @listType set
   */
  hosts?: Host[];

  /** This tests slice item validation with enum */
  enumSlice?: (0 | 1 | 3)[];

  hostsAlias?: Hosts;

  /**
   * This tests that alias imported from a package is handled correctly. The
   * corev1.IPFamilyPolicyType is just reused since it's available from
   * imported package. We can create our own in a separate package if needed.
   */
  aliasFromPackage?: V1ServiceSpec["ipFamilyPolicy"];

  /** This tests that string alias is handled correctly. */
  stringAlias?: StringAlias;

  stringAliasPtr?: StringAlias;

  /**
   * This tests that validation on a string alias type is handled correctly.
   * @minLength 1
   * @maxLength 255
   */
  stringAliasAddedValidation?: StringAlias;

  /** This tests that validation on a string alias type itself is handled correctly. */
  stringAliasAlreadyValidated?: StringAliasWithValidation;

  /**
   * These test that title works on both a type and field, with field taking precedence.
   * @title title on field
   */
  stringAliasWithAddedTitle?: StringAliasWithTitle;

  stringAliasWithTitle?: StringAliasWithTitle;

  /**
   * This tests string slice validation.
   * @minItems 2
   * @maxItems 2
   */
  stringPair: string[];

  /**
   * This tests string alias slice item validation.
   * @minItems 3
   */
  longerStringArray?: LongerString[];

  /**
   * This tests that a slice of IntOrString can also have string validation.
   * This can be useful if you want to limit the string to a percentage or integer.
   * The XIntOrString marker is a requirement for having a pattern on this type.
   */
  intOrStringArrayWithAPattern?: PercentOrInteger[];

  /**
   * This tests that a slice of  IntOrString can also have enum validation.
   * The XIntOrString marker is required for applying enum to IntOrString.
   */
  intOrStringWithEnumSlice?: SmallIntOrString[];

  /**
   * This tests that we can embed protocol correctly (without ending up with allOf).
   * Context: https://github.com/kubernetes-sigs/controller-tools/issues/1027
   * Defaults to "TCP".
   * @default "TCP"
   */
  protocol?: V1ContainerPort["protocol"];

  /** This tests that selectable field. */
  selectableFieldString?: string;

  /**
   * Test that we can add a field that can only be set to a non-default value on updates using XValidation OptionalOldSelf.
   * @validation rule="oldSelf.hasValue() || self == 0" message="must be set to 0 on creation. can be set to any value on an update." optionalOldSelf
   */
  onlyAllowSettingOnUpdate?: int32;

  /**
   * This tests that unmarkered types are handled correctly.
   * When markers are applied at the field level instead of the type level.
   * @minimum 1
   * @maximum 10
   */
  locallyBoundedInteger?: UnmarkeredInteger;

  /**
   * This tests that unmarkered types are handled correctly.
   * When markers are applied at the field level instead of the type level.
   * @minLength 1
   * @maxLength 10
   */
  locallyBoundedString?: UnmarkeredString;

  /**
   * This tests that field-level overrides are handled correctly
   * for local type aliases.
   * @minLength 10
   * @maxLength 10
   */
  fieldLevelAliasOverride?: StringAliasWithValidation;

  /**
   * This tests that field-level overrides are handled correctly
   * for local type declarations.
   * @minLength 10
   * @maxLength 10
   */
  fieldLevelLocalDeclarationOverride?: LongerString;
}

// Every status field is optional (omitempty in Go).
/** CronJobStatus defines the observed state of CronJob */
export interface CronJobStatus {
  /** A list of pointers to currently running jobs. */
  active?: V1ObjectReference[];

  /** Information when was the last time the job was successfully scheduled. */
  lastScheduleTime?: Time;

  /** Information when was the last time the job was successfully scheduled. */
  lastScheduleTime2?: Time2;

  /**
   * Information about the last time the job was successfully scheduled,
   * with microsecond precision.
   */
  lastScheduleMicroTime?: MicroTime;

  /** LastActiveLogURL specifies the logging url for the last started job */
  lastActiveLogURL?: URL;

  /** LastActiveLogURL2 specifies the logging url for the last started job */
  lastActiveLogURL2?: URL2;

  /** LastActiveLogURL3 specifies the logging url for the last started job */
  lastActiveLogURL3?: URL3;

  /** LastActiveLogURL4 specifies the logging url for the last started job */
  lastActiveLogURL4?: URL4;

  duration?: Duration;
}

/**
 * CronJob is the Schema for the cronjobs API
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1
 * @singular mycronjob
 * @subresource status
 * @storageVersion
 * @annotation api-approved.kubernetes.io=https://github.com/kubernetes-sigs/controller-tools
 * @annotation cert-manager.io/inject-ca-from-secret=cert-manager/cert-manager-webhook-ca
 * @selectableField .spec.selectableFieldString
 */
export interface CronJob {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: CronJobSpec;
  status?: CronJobStatus;
}

// Go's CronJobList exists for `listKind`; crdgen derives CronJobList from the kind.
export interface CronJobList {
  apiVersion?: string;
  kind?: string;
  items: CronJob[];
}
