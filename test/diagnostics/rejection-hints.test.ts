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

  test("other rejections get none", () => {
    expect(rejectionHint({ type: "FieldValueRequired", field: "spec.group", detail: "" })).toBeUndefined();
  });
});
