/**
 * Kubernetes' errors about a generated CRD keep Kubernetes' words; the ones that speak of the
 * schema rather than of the TypeScript that made it get a hint, and following it works.
 */
import { describe, expect, test } from "vitest";
import { rejectionHint } from "../../src/diagnostics/rejection-hints.js";
import { errorsOf, generateFrom, withRoot } from "../helpers/generate.js";

describe("hints for Kubernetes' rejections", () => {
  test("a CEL rule on an unknown field: Kubernetes calls it an internal error", () => {
    const [error] = errorsOf(withRoot('{\n  /** @validation rule="has(self.a)" */\n  v?: unknown;\n}'));
    expect(error!.code).toBe("CRD2001");
    expect(error!.message).toContain("Internal error: internal error: failed to construct type information");
    expect(error!.hint).toMatch(
      /needs the field's type.*give the field a type, or put the rule on its parent/,
    );
    const typed = withRoot('{\n  /** @validation rule="has(self.a)" */\n  v?: { a?: string };\n}');
    expect(generateFrom(typed).ok).toBe(true);
  });

  test("a set of objects: tag the item type atomic", () => {
    const prelude = "export interface Item { a: string }";
    const [error] = errorsOf(withRoot("{\n  /** @listType set */\n  s?: Item[];\n}", prelude));
    expect(error!.message).toContain("must be atomic as item of a list with x-kubernetes-list-type=set");
    expect(error!.hint).toContain("@structType atomic");
    const atomic = "/** @structType atomic */\nexport interface Item { a: string }";
    expect(generateFrom(withRoot("{\n  /** @listType set */\n  s?: Item[];\n}", atomic)).ok).toBe(true);
  });

  test("a one-of tag naming a field the object lacks", () => {
    const [error] = errorsOf(
      withRoot("{\n  /** @exactlyOneOf url,path */\n  src?: { url?: string; pth?: string };\n}"),
    );
    expect(error!.message).toContain("undefined field 'path'");
    expect(error!.hint).toContain("names a field this object does not have");
  });

  test("a messageExpression with string() of a number: format the number instead", () => {
    const rule = (message: string) =>
      withRoot(
        `{\n  /** @validation rule="self <= 10" messageExpression="${message}" */\n  replicas: number;\n}`,
      );
    const errors = errorsOf(rule("'too many: ' + string(self)"));
    const perExpression = errors.find((e) =>
      e.message.includes("estimated messageExpression cost exceeds budget"),
    );
    expect(perExpression!.hint).toContain("'too many: %d'.format([self.replicas])");
    expect(generateFrom(rule("'too many: %s'.format([self])")).ok).toBe(true);
  });

  test("an optional list-map key: make it required, not a @default hint about a bad value", () => {
    const list = (item: string) =>
      withRoot(`{\n  /** @listType map @listMapKey name */\n  users?: ${item}[];\n}`);
    const [error] = errorsOf(list("{ name?: string; admin?: boolean }"));
    expect(error!.message).toContain("so it must have a default or be a required property");
    expect(error!.hint).toBe(
      "every item of a list-map needs its keys: make `name` required (drop the `?`) or give it a @default",
    );
    expect(generateFrom(list("{ name: string; admin?: boolean }")).ok).toBe(true);
    expect(generateFrom(list('{\n    /** @default "admin" */\n    name?: string;\n  }')).ok).toBe(true);
  });

  test("a nullable list-map key: drop the null", () => {
    const list = (item: string) =>
      withRoot(`{\n  /** @listType map @listMapKey name */\n  users?: ${item}[];\n}`);
    const [error] = errorsOf(list("{ name: string | null }"));
    expect(error!.message).toContain("so it cannot be nullable");
    expect(error!.hint).toBe("a list-map's key cannot be null: drop `| null` (or @nullable) from `name`");
  });

  test("@listType or @mapType on a field of another type: they belong on a list or a map", () => {
    const errors = errorsOf(
      withRoot(
        "{\n  /** @listType map @listMapKey name */\n  count?: number;\n  /** @listType set */\n  name?: string;\n  /** @mapType atomic */\n  tags?: string[];\n}",
      ),
    );
    const hints = errors.map((e) => e.hint);
    expect(hints.filter((h) => h?.startsWith("@listType (and @listMapKey) belong on a list"))).toHaveLength(
      2,
    );
    expect(hints).toContain(
      "@listType map belongs on a list of objects (T[]), each keyed by its @listMapKey properties",
    );
    expect(hints.filter((h) => h?.startsWith("@mapType belongs on a map or an object"))).toHaveLength(1);
    expect(errors.every((e) => e.hint !== undefined)).toBe(true);
  });

  test("@listMapKey without @listType map: write it beside the key", () => {
    const list = (tags: string) =>
      withRoot(`{\n  /** ${tags} */\n  users?: { name: string; admin?: boolean }[];\n}`);
    const [missing] = errorsOf(list("@listMapKey name"));
    expect(missing!.message).toContain("must be map if x-kubernetes-list-map-keys is non-empty");
    expect(missing!.hint).toBe("@listMapKey keys a list-map: write @listType map beside it");
    const [atomic] = errorsOf(list("@listType atomic @listMapKey name"));
    expect(atomic!.message).toContain("must be map if x-kubernetes-list-map-keys is non-empty");
    expect(atomic!.hint).toBe(
      "@listMapKey keys a list-map: write @listType map instead of @listType atomic (or drop the @listMapKey tags)",
    );
    expect(generateFrom(list("@listType map @listMapKey name")).ok).toBe(true);
  });

  test("a @listMapKey naming no property of the items", () => {
    const [error] = errorsOf(
      withRoot("{\n  /** @listType map @listMapKey username */\n  users?: { name: string }[];\n}"),
    );
    expect(error!.message).toContain("entries must all be names of item properties");
    expect(error!.hint).toContain("each @listMapKey must name a property of the list's item type");
  });

  test("a @validation rule in quotes without rule=: CEL reads a string", () => {
    const rule = (tag: string) => withRoot(`{\n  /** ${tag} */\n  replicas?: number;\n}`);
    const [error] = errorsOf(rule('@validation "self > 0"'));
    expect(error!.message).toContain("cel expression must evaluate to a bool");
    expect(error!.hint).toBe(
      'the rule is in quotes without rule=, so CEL reads it as a string: write @validation rule="self > 0" (or the rule bare, without quotes)',
    );
    expect(generateFrom(rule('@validation rule="self > 0"')).ok).toBe(true);
    // A rule of another type, unquoted, is not about quotes.
    const [unquoted] = errorsOf(rule("@validation string(self)"));
    expect(unquoted!.message).toContain("cel expression must evaluate to a bool");
    expect(unquoted!.hint).toBeUndefined();
  });

  test("other rejections get none", () => {
    expect(rejectionHint({ type: "FieldValueRequired", field: "spec.group", detail: "" })).toBeUndefined();
  });
});
