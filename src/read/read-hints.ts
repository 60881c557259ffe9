/** Hints the reader gives with its refusals, worked out from what was written. */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";

const { TypeFlags } = tsApi;
const { isIdentifier } = tsApi;

/** A CEL rule checking map keys against a template literal's leading text, for a hint. */
export function keyRuleExample(keyType: ts.Type): string {
  const prefix =
    keyType.flags & TypeFlags.TemplateLiteral ? (keyType as ts.TemplateLiteralType).texts[0] : "";
  const start = prefix && /^[\w./-]+$/.test(prefix) ? prefix : "x-";
  return `self.all(k, k.startsWith('${start}'))`;
}

/** What gives an enum member a value the schema can list. */
export function computedMemberHint(member: ts.EnumMember): string {
  if (member.initializer) return "give members constant values (literals, or expressions of constants)";
  // Only an ambient enum (`declare enum`, one in a .d.ts) has members without a known value.
  const name = member.name.getText();
  const value = isIdentifier(member.name) ? JSON.stringify(name) : name;
  return `a \`declare enum\` member without an initializer has no value TypeScript knows: give each member one (\`${name} = ${value}\`)`;
}
