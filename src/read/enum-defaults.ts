/**
 * `@default Phase.Pending` on a property (or a type alias) whose type is the TypeScript enum
 * `Phase`: the member's value (`"pending"`), which is what the API server fills in. Read as a tag
 * value alone it would be the string "Phase.Pending", which the enum's own `enum` list refuses with
 * Kubernetes' words, not saying why. The checker gives every member's value, of enums imported
 * from other files and of computed members alike.
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import type { RawTag } from "./jsdoc.js";
import { tsApi } from "./typescript.js";

/** `Enum.Member` as a `@default` tag's whole text. */
const ENUM_MEMBER = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/;

/**
 * `tags` with a `@default Enum.Member` replaced by the member's value as JSON, when the declared
 * type (`typeOf`, asked only then) is that enum; elsewhere a dotted word stays a string.
 */
export function withEnumDefaults(tags: readonly RawTag[], typeOf: () => ts.Type): readonly RawTag[] {
  // Nearly no tag list has one: no type is asked for.
  if (!tags.some((t) => t.name === "default" && ENUM_MEMBER.test(t.text))) return tags;
  const type = typeOf();
  return tags.map((t) => (t.name === "default" ? enumDefault(t, type) : t));
}

function enumDefault(tag: RawTag, type: ts.Type): RawTag {
  const [, enumName, member] = ENUM_MEMBER.exec(tag.text) ?? [];
  if (enumName === undefined || member === undefined) return tag;
  const members = membersOfEnum(type, enumName);
  if (members.length === 0) return tag;
  const found = members.find((m) => m.symbol.name === member);
  if (found) return { ...tag, text: JSON.stringify(found.value) };
  return {
    ...tag,
    problem: {
      code: codes.badTagValue,
      message: `@default ${tag.text} names no member of the enum ${enumName}.`,
      hint: `write one of ${members.map((m) => `${enumName}.${m.symbol.name}`).join(", ")}`,
    },
  };
}

/** The members of the enum `name` that `type` (or its union, `Phase | undefined`) holds. */
function membersOfEnum(type: ts.Type, name: string): ts.LiteralType[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter(
    (t): t is ts.LiteralType =>
      (t.flags & tsApi.TypeFlags.EnumLiteral) !== 0 && t.isLiteral() && enumOf(t) === name,
  );
}

/** The name of the enum declaring the member `type` is (a one-member enum's type is its member). */
function enumOf(type: ts.Type): string | undefined {
  const member = type.symbol?.declarations?.[0];
  return member && tsApi.isEnumMember(member) ? member.parent.name.text : undefined;
}
