/**
 * Whether a text is a CEL expression by its syntax alone, for telling a rule written over several
 * lines from a rule with documentation below it. Types are checked later, against the schema
 * (validate/cel), where the rule's real errors are reported.
 */
import { Environment } from "@marcbachmann/cel-js";

let parser: Environment | undefined;

export function parsesAsCel(text: string): boolean {
  // Optional syntax (`self.?a`) parses: Kubernetes versions that refuse it say so at validation.
  parser ??= new Environment({ enableOptionalTypes: true });
  try {
    parser.parse(text);
    return true;
  } catch {
    return false;
  }
}
