/**
 * A rule compiled against a schema in both of crdgen's CEL environments (the full one and the
 * per-rule one that declares only the fields a rule names): each gives "ok", another kind, or the
 * first line of its error. Tests expect both to agree.
 */
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { checkingEnvironment, compileExpression, typedEnvironment } from "../../src/validate/cel/compile.js";
import { schemaDeclType } from "../../src/validate/cel/decl-type.js";
import { DEFAULT_CEL_VERSION } from "../../src/validate/cel/version.js";

export function celVerdicts(schema: JSONSchemaProps, rule: string): string[] {
  const type = schemaDeclType(schema, false)!;
  return [
    typedEnvironment(DEFAULT_CEL_VERSION, type, false),
    checkingEnvironment(DEFAULT_CEL_VERSION, type, false, [rule]),
  ].map((env) => {
    const result = compileExpression(env, rule, "bool");
    return result.kind === "error" ? (result.detail.split("\n")[0] ?? "") : result.kind;
  });
}
