/**
 * A type made of tagged types (an `extends` base, an intersection's member) is bound by their
 * rules, as a Go struct embedding a marked struct is in controller-gen's output; documentation
 * and defaults stay each type's own.
 */
import { describe, expect, test } from "vitest";
import { withInherited } from "../../src/read/inherited-tags.js";
import type { AppliedTag } from "../../src/tags/registry.js";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

const BASE = `/**
 * A base.
 * @validation rule="has(self.a) || has(self.b)" message="a or b"
 * @minProperties 1
 * @default {"a": "x"}
 */
interface Base { a?: string; b?: string }
`;
const RULE = { rule: "has(self.a) || has(self.b)", message: "a or b" };

describe("an interface extending a tagged base", () => {
  const spec = specSchema(
    withRoot(
      "{ ext: Ext; deep: Deep; looser: Looser; stricter: Stricter; own: OwnRule; cls: Cls }",
      `${BASE}
/** Ext's own words. */
interface Ext extends Base { c?: string }
interface Deep extends Ext { d?: string }
/** @minProperties 0 */
interface Looser extends Base { c?: string }
/** @minProperties 2 */
interface Stricter extends Base { c?: string }
/** @validation rule="!has(self.c)" */
interface OwnRule extends Base { c?: string }
class BaseClass {
  /** @maxLength 3 */
  a?: string;
}
/** @validation rule="self.a != 'x'" */
class Tagged extends BaseClass {}
class Cls extends Tagged { e?: string }`,
    ),
  );
  const props = spec.properties!;

  test("gets its rules and property count, not its description or default", () => {
    expect(props.ext).toMatchObject({ description: "Ext's own words.", minProperties: 1 });
    expect(props.ext!["x-kubernetes-validations"]).toEqual([RULE]);
    expect(props.ext!.default).toBeUndefined();
  });

  test("through every level of extends", () => {
    expect(props.deep!["x-kubernetes-validations"]).toEqual([RULE]);
    expect(props.deep!.minProperties).toBe(1);
    expect(props.deep!.description).toBeUndefined();
  });

  test("of two property counts the stricter holds, whichever type writes it", () => {
    expect(props.looser!.minProperties).toBe(1);
    expect(props.stricter!.minProperties).toBe(2);
  });

  test("its own rules first, then its base's", () => {
    expect(props.own!["x-kubernetes-validations"]).toEqual([{ rule: "!has(self.c)" }, RULE]);
  });

  test("a class inherits from the classes it extends", () => {
    expect(props.cls!["x-kubernetes-validations"]).toEqual([{ rule: "self.a != 'x'" }]);
    expect(props.cls!.properties!.a).toEqual({ type: "string", maxLength: 3 });
  });
});

describe("an intersection with a tagged member", () => {
  const spec = specSchema(
    withRoot(
      "{ alias: Both; inline?: Base & { c?: string }; plain: Plain }",
      `${BASE}
/** Both's words. */
type Both = Base & { c?: string };
type Plain = { c?: string } & { d?: string };`,
    ),
  );
  const props = spec.properties!;

  test("as a named alias", () => {
    expect(props.alias).toMatchObject({ description: "Both's words.", minProperties: 1 });
    expect(props.alias!["x-kubernetes-validations"]).toEqual([RULE]);
  });

  test("written on the field", () => {
    expect(props.inline!.minProperties).toBe(1);
    expect(props.inline!["x-kubernetes-validations"]).toEqual([RULE]);
  });

  test("of untagged members adds nothing", () => {
    expect(Object.keys(props.plain!).sort()).toEqual(["properties", "type"]);
  });
});

test("a root extending a tagged base gets its rules", () => {
  const result = generateFrom(`${BASE}
/** @crd @group example.com @version v1 */
export interface Widget extends Base { spec?: { replicas?: number } }
`);
  expect(result.ok).toBe(true);
  const schema = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
  expect(schema["x-kubernetes-validations"]).toEqual([RULE]);
  expect(schema.minProperties).toBe(1);
});

test("a bad tag on a base reached only through extends is reported, once", () => {
  const errors = errorsOf(
    withRoot(
      "{ a: A; b: B; base: Base }",
      `/** @minProperty 1 */
interface Base { x?: string }
interface A extends Base {}
interface B extends Base {}`,
    ),
  );
  expect(errors.map((e) => [e.code, e.location?.line])).toEqual([["CRD1003", 1]]);
  const onlyExtended = errorsOf(
    withRoot("{ a: A }", `/** @minProperty 1 */\ninterface Base { x?: string }\ninterface A extends Base {}`),
  );
  expect(onlyExtended.map((e) => e.code)).toEqual(["CRD1003"]);
});

test("a rule inherited from a base points its errors at the base's tag", () => {
  const errors = errorsOf(
    withRoot(
      "{ a: A }",
      `/** @validation rule="self.nope > 1" */\ninterface Base { x?: string }\ninterface A extends Base {}`,
    ),
  );
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]!.location?.line).toBe(1);
});

describe("withInherited", () => {
  const tag = (name: string, value: unknown): AppliedTag => ({ name, value });

  test.each([
    ["nothing inherited", [tag("minProperties", 1)], [], [tag("minProperties", 1)]],
    [
      "rules add up, own first",
      [tag("validation", "own")],
      [tag("validation", "base")],
      [tag("validation", "own"), tag("validation", "base")],
    ],
    [
      "the stricter maxProperties",
      [tag("maxProperties", 5)],
      [tag("maxProperties", 3)],
      [tag("maxProperties", 3)],
    ],
    [
      "the stricter minProperties, own",
      [tag("minProperties", 5)],
      [tag("minProperties", 3)],
      [tag("minProperties", 5)],
    ],
    [
      "another tag: own wins",
      [tag("mapType", "granular")],
      [tag("mapType", "atomic")],
      [tag("mapType", "granular")],
    ],
    ["another tag: inherited when own has none", [], [tag("mapType", "atomic")], [tag("mapType", "atomic")]],
  ])("%s", (_what, own, inherited, expected) => {
    expect(withInherited(own, inherited)).toEqual(expected);
  });
});
