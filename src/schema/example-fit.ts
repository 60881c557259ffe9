/**
 * An `example` (`@exampleValue`) of another kind of value than its field's `type`: Kubernetes
 * checks defaults against the schema but not examples, so `@exampleValue 5` on a string reaches
 * `kubectl explain`, documentation and generated clients as a value the field would refuse.
 * Only the JSON kind is compared (a full check of the value is `crdgen check`'s lint): that is
 * what a tag written for another field, or a number left unquoted, gets wrong.
 */
import { jsonKind, kindFitsType } from "../validate/json.js";

/** What this reads of a schema node: a draft's or a final one's. */
export interface ExampleNode {
  type?: string | undefined;
  example?: unknown;
  nullable?: boolean | undefined;
}

/** The JSON kind of each schema `type`, as a description for the message. */
const KIND_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  array: "a list",
  object: "an object",
};

/** What is wrong with an example, and what to write instead. */
export interface ExampleMisfit {
  message: string;
  hint: string;
}

/**
 * Why `node`'s example does not fit its type, or undefined when it does (or the node has no
 * single type: an int-or-string, a field of any value).
 */
export function exampleMisfit(node: ExampleNode): ExampleMisfit | undefined {
  const { type, example } = node;
  if (example === undefined || typeof type !== "string" || !Object.hasOwn(KIND_WORDS, type)) return undefined;
  if (example === null ? node.nullable === true : kindFitsType(jsonKind(example), type)) return undefined;
  const scalar = typeof example === "number" || typeof example === "boolean";
  return {
    message: `example ${JSON.stringify(example)} does not fit the field, which holds ${KIND_WORDS[type]}: Kubernetes does not check examples, so kubectl explain, documentation and generated clients would show a value the field refuses`,
    hint:
      type === "string" && scalar
        ? `write @exampleValue ${JSON.stringify(String(example))}: a string is JSON in quotes`
        : `give @exampleValue ${KIND_WORDS[type]}, as JSON`,
  };
}
