/**
 * A schema node as kube-openapi's SchemaValidator sees it: types, nullable, value validations,
 * and the properties/items/additionalProperties below it. Built lazily from a structural schema
 * or from a value-validation clause (allOf/anyOf/oneOf/not branch) and cached per source node,
 * so validating many values (defaults, instances) against one schema converts it once.
 */
import { own } from "../json.js";
import { isSupportedFormat } from "./formats.js";
import type { NestedValueValidation, Structural, ValueValidation } from "../structural/types.js";

export interface AdditionalProperties {
  allows: boolean;
  schema: SchemaNode | undefined;
}

export interface SchemaNode {
  readonly types: readonly string[];
  readonly nullable: boolean;
  readonly vv: ValueValidation | undefined;
  /** The format the API server validates with: unsupported formats are stripped from its schema. */
  readonly format: string;
  /** The declared property `name` (own properties only: data keys like `constructor` are not properties). */
  property(name: string): SchemaNode | undefined;
  readonly items: SchemaNode | undefined;
  readonly additionalProperties: AdditionalProperties | undefined;
}

const INT_OR_STRING: readonly string[] = ["integer", "string"];
const NO_TYPES: readonly string[] = [];

function supportedFormat(vv: ValueValidation | undefined): string {
  return vv?.format && isSupportedFormat(vv.format) ? vv.format : "";
}

class StructuralNode implements SchemaNode {
  readonly types: readonly string[];
  readonly nullable: boolean;
  readonly vv: ValueValidation | undefined;
  readonly format: string;
  private additional: AdditionalProperties | undefined | null = null;

  constructor(private readonly s: Structural) {
    this.types = s.extensions.xIntOrString ? INT_OR_STRING : s.generic.type ? [s.generic.type] : NO_TYPES;
    this.nullable = s.generic.nullable;
    this.vv = s.valueValidation;
    this.format = supportedFormat(s.valueValidation);
  }

  property(name: string): SchemaNode | undefined {
    const p = own(this.s.properties, name);
    return p && structuralNode(p);
  }

  get items(): SchemaNode | undefined {
    return this.s.items && structuralNode(this.s.items);
  }

  get additionalProperties(): AdditionalProperties | undefined {
    if (this.additional === null) {
      const ap = this.s.generic.additionalProperties;
      this.additional = ap && {
        allows: ap.bool,
        schema: ap.structural && structuralNode(ap.structural),
      };
    }
    return this.additional;
  }
}

class NestedNode implements SchemaNode {
  readonly types: readonly string[];
  readonly nullable: boolean;
  readonly vv: ValueValidation;
  readonly format: string;

  constructor(private readonly n: NestedValueValidation) {
    this.types = n.forbiddenGenerics.type ? [n.forbiddenGenerics.type] : NO_TYPES;
    this.nullable = n.forbiddenGenerics.nullable;
    this.vv = n.valueValidation;
    this.format = supportedFormat(n.valueValidation);
  }

  property(name: string): SchemaNode | undefined {
    const p = own(this.n.properties, name);
    return p && nestedNode(p);
  }

  get items(): SchemaNode | undefined {
    return this.n.items && nestedNode(this.n.items);
  }

  /** A clause's additionalProperties only constrains through its own value validations. */
  get additionalProperties(): AdditionalProperties | undefined {
    return undefined;
  }
}

const structuralNodes = new WeakMap<Structural, SchemaNode>();
const nestedNodes = new WeakMap<NestedValueValidation, SchemaNode>();

export function structuralNode(s: Structural): SchemaNode {
  let node = structuralNodes.get(s);
  if (!node) structuralNodes.set(s, (node = new StructuralNode(s)));
  return node;
}

export function nestedNode(n: NestedValueValidation): SchemaNode {
  let node = nestedNodes.get(n);
  if (!node) nestedNodes.set(n, (node = new NestedNode(n)));
  return node;
}
