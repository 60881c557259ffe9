/**
 * Builds one stored definition per stable `@kubernetes/client-node` model class, combining the
 * two packages: client-node gives the property set, required properties and numeric formats of
 * the Kubernetes release it was generated from; kubernetes-models gives what a property refers
 * to and its doc comment. List and map semantics come later, from `crd-evidence.ts`.
 */
import type { StoredDefinition, StoredSchema } from "../../src/read/kubernetes/data-format.js";
import { WELL_KNOWN_BY_OPENAPI_NAME, type WellKnownName } from "../../src/read/kubernetes/well-known.js";
import type { ClientNodeModel, ClientNodePackage, ClientNodeProperty } from "./client-node.js";
import type { ModelDefinition, ModelsPackages } from "./kubernetes-models.js";
import { describeShape, type TypeShape } from "./type-shape.js";

/** kubernetes-models reference names (`I` + the OpenAPI name) of the types controller-gen gives a fixed shape. */
const WELL_KNOWN_REFERENCES: Record<string, WellKnownName> = Object.fromEntries(
  Object.entries(WELL_KNOWN_BY_OPENAPI_NAME).map(([name, known]) => [`I${name}`, known]),
);

/** client-node's own names for the same types, where it keeps them apart from `string`. */
const WELL_KNOWN_CLIENT_NODE_TYPES: Record<string, WellKnownName> = {
  IntOrString: "IntOrString",
  Date: "Time",
  V1MicroTime: "MicroTime",
};

/**
 * controller-gen gives an ObjectMeta that is not the root's only `type: object` (the API server
 * owns its validation); the lookup of `V1ObjectMeta` therefore yields that, not its fields.
 */
const OBJECT_META = "V1ObjectMeta";

/** `V1Pod`, `V2HorizontalPodAutoscaler`, `CoreV1Event`; not `V1beta1...` or `V1alpha2...`. */
export function isStableClassName(className: string): boolean {
  return /^(?:[A-Z][a-z]+)*V\d+[A-Z]/.test(className);
}

export interface BuildReport {
  /** Stable classes kubernetes-models has no exact counterpart for (built from client-node alone). */
  withoutModel: string[];
}

export function buildDefinitions(
  clientNode: ClientNodePackage,
  models: ModelsPackages,
): { definitions: Record<string, StoredDefinition>; report: BuildReport } {
  const definitions: Record<string, StoredDefinition> = {};
  const report: BuildReport = { withoutModel: [] };
  const classNames = [...clientNode.models.keys()].filter(isStableClassName).sort();
  for (const className of classNames) {
    const model = clientNode.models.get(className);
    if (!model) continue;
    const counterpart = counterpartOf(model, models);
    if (!counterpart) report.withoutModel.push(className);
    const schema = definitionSchema(model, counterpart, clientNode, models);
    definitions[className] = counterpart ? { openapi: counterpart.openapiName, schema } : { schema };
  }
  return { definitions, report };
}

/**
 * The kubernetes-models definition for a client-node class: its reference name ends with the
 * class name (`IIoK8sApiCoreV1PodSpec` / `V1PodSpec`, `IIoK8sApiCoreV1ResourceClaim` /
 * `CoreV1ResourceClaim`) and it has exactly the same properties, which tells apart same-named
 * kinds of different groups.
 */
function counterpartOf(model: ClientNodeModel, models: ModelsPackages): ModelDefinition | undefined {
  const wanted = model.properties
    .map((property) => property.jsonName)
    .sort()
    .join("\n");
  const matches = [...models.definitions.values()].filter(
    (definition) =>
      definition.referenceName.endsWith(model.className) &&
      definition.properties !== undefined &&
      [...definition.properties.keys()].sort().join("\n") === wanted,
  );
  if (matches.length > 1) {
    throw new Error(`${model.className} matches ${matches.map((match) => match.openapiName).join(", ")}`);
  }
  return matches[0];
}

function definitionSchema(
  model: ClientNodeModel,
  counterpart: ModelDefinition | undefined,
  clientNode: ClientNodePackage,
  models: ModelsPackages,
): StoredSchema {
  const description = kubernetesDescription(counterpart?.doc ?? model.doc);
  const schema: StoredSchema = { type: "object" };
  if (description !== undefined) schema.description = description;
  if (model.className === OBJECT_META) return schema;

  const properties: Record<string, StoredSchema> = {};
  const required: string[] = [];
  for (const property of [...model.properties].sort((a, b) => compareNames(a.jsonName, b.jsonName))) {
    const modelProperty = counterpart?.properties?.get(property.jsonName);
    const context = `${model.className}.${property.jsonName}`;
    const propertySchema = shapeSchema(
      property.type,
      modelProperty?.type,
      property,
      context,
      clientNode,
      models,
    );
    const propertyDescription = kubernetesDescription(modelProperty?.doc ?? property.doc);
    properties[property.jsonName] =
      propertyDescription === undefined
        ? propertySchema
        : { description: propertyDescription, ...propertySchema };
    if (!property.optional) required.push(property.jsonName);
  }
  if (Object.keys(properties).length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  return schema;
}

/** Walks client-node's type and kubernetes-models' type of one property side by side. */
function shapeSchema(
  shape: TypeShape,
  modelShape: TypeShape | undefined,
  property: ClientNodeProperty,
  context: string,
  clientNode: ClientNodePackage,
  models: ModelsPackages,
): StoredSchema {
  if (shape.kind === "array") {
    const items = modelShape?.kind === "array" ? modelShape.items : undefined;
    return { type: "array", items: shapeSchema(shape.items, items, property, context, clientNode, models) };
  }
  if (shape.kind === "map") {
    const values = modelShape?.kind === "map" ? modelShape.values : undefined;
    return {
      type: "object",
      additionalProperties: shapeSchema(shape.values, values, property, context, clientNode, models),
    };
  }
  const referenced = modelShape?.kind === "named" ? modelShape.name : undefined;
  const wellKnown =
    (referenced === undefined ? undefined : WELL_KNOWN_REFERENCES[referenced]) ??
    WELL_KNOWN_CLIENT_NODE_TYPES[shape.name];
  if (wellKnown) return { $ref: wellKnown };
  if (clientNode.models.has(shape.name)) return { $ref: shape.name };
  switch (shape.name) {
    case "string":
      return property.format === "byte" ? { type: "string", format: "byte" } : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "number":
      return numberSchema(property.format, context);
    case "any":
      return emptyStructSchema(referenced, context, models);
  }
  throw new Error(`${context}: no schema for type ${describeShape(shape)}`);
}

/** Go int32/int64 keep their format; float64 is a bare `number`, as controller-gen writes it. */
function numberSchema(format: string, context: string): StoredSchema {
  if (format === "int32" || format === "int64") return { type: "integer", format };
  if (format === "double" || format === "float") return { type: "number" };
  throw new Error(`${context}: number with unexpected format "${format}"`);
}

/**
 * client-node types a property `any` when the definition it refers to has no properties; a
 * struct without fields is an empty object to controller-gen.
 */
function emptyStructSchema(
  referenced: string | undefined,
  context: string,
  models: ModelsPackages,
): StoredSchema {
  const definition = referenced === undefined ? undefined : models.definitions.get(referenced);
  if (definition?.properties?.size === 0) return { type: "object" };
  throw new Error(`${context}: \`any\` refers to ${referenced ?? "nothing kubernetes-models knows"}`);
}

/**
 * Kubernetes' OpenAPI appends the values of `+enum` types to the description; controller-gen
 * reads the Go comment, which does not have them, and emits no `enum` either.
 */
function kubernetesDescription(doc: string | undefined): string | undefined {
  const text = doc?.replace(/\s*Possible enum values:[\s\S]*$/, "").trim();
  return text === "" ? undefined : text;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
