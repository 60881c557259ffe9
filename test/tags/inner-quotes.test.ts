/**
 * A double-quoted key=value holding a `"` of its own, as porting Gateway API's GRPCRoute invites
 * (test/parity/gateway-grpcroute.test.ts): its CEL rules match with raw strings,
 * `self.service.matches(r"""^[a-z_]+$""")`, and a printer column's JSONPath filter compares with
 * `"Ready"`. The quote ends the value early; the error says so and its hint quotes the whole value
 * as crdgen reads it back (in '...' when it holds no `'`, else with `\"`).
 */
import { describe, expect, test } from "vitest";
import { parseKeyValues } from "../../src/tags/parse.js";
import { errorsOf, generateFrom } from "../helpers/generate.js";

const RULE_KEYS = ["rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf"];
const MESSAGE = (key: string) =>
  `${key}'s value holds a double quote, which ends the value there: inside "..." write it \\", or quote the value with '...'`;

describe("parseKeyValues: a double quote inside a double-quoted value", () => {
  test.each([
    [
      'rule="self.matches(r"""^[a-z]+$""")" message="bad"',
      "rule",
      'write rule=\'self.matches(r"""^[a-z]+$""")\'',
      'self.matches(r"""^[a-z]+$""")',
    ],
    // Both quote kinds: the hint escapes the double quotes, and keeps a backslash before anything else.
    [
      `rule="self.type == 'Exact' ? self.s.matches(r"""^\\.?[a-z]$""") : true"`,
      "rule",
      `write rule="self.type == 'Exact' ? self.s.matches(r\\"\\"\\"^\\.?[a-z]$\\"\\"\\") : true"`,
      `self.type == 'Exact' ? self.s.matches(r"""^\\.?[a-z]$""") : true`,
    ],
    // The value's end is the quote the next key follows, not one inside it.
    ['message="say "hi" now" rule="true"', "message", "write message='say \"hi\" now'", 'say "hi" now'],
  ])("%s", (text, key, hint, value) => {
    expect(parseKeyValues(text, RULE_KEYS)).toEqual({ ok: false, message: MESSAGE(key), hint });
    const followed = parseKeyValues(hint.slice("write ".length), RULE_KEYS);
    expect(followed.ok && followed.value.get(key)).toBe(value);
  });

  test("a closing quote followed by a space, a comma or the end is no inner quote", () => {
    expect(parseKeyValues('rule="a" message="b"', RULE_KEYS).ok).toBe(true);
    expect(parseKeyValues('rule="a",message="b"', RULE_KEYS)).toMatchObject({ ok: false });
    expect(parseKeyValues('rule="a",message="b"', RULE_KEYS)).not.toMatchObject({ message: MESSAGE("rule") });
  });

  test("text that no end of the value explains is left as it was refused before", () => {
    expect(parseKeyValues('rule="a"b"c', RULE_KEYS)).toEqual({
      ok: false,
      message: 'cannot read ""c" as key=value',
    });
    // The only end would take message=... into the rule: read as before (a flag b, which the tag refuses).
    expect(parseKeyValues('rule="a"b message="m"', RULE_KEYS)).toEqual({
      ok: true,
      value: new Map<string, string | true>([
        ["rule", "a"],
        ["b", true],
        ["message", "m"],
      ]),
    });
  });
});

function source(rootTag: string, specTag: string): string {
  return `/**
 * @crd
 * @group example.com
 * @version v1
 * @subresource status
 * ${rootTag}
 */
export interface Route {
  spec: Spec;
  status?: { conditions?: { type: string; status: string }[] };
}
/**
 * ${specTag}
 */
export interface Spec {
  service?: string;
}`;
}

describe("tags whose value holds a double quote, end to end", () => {
  const RULE = 'has(self.service) ? self.service.matches(r"""^[a-z_]+$"""): true';
  const PATH = '.status.conditions[?(@.type=="Ready")].status';

  test("a CEL rule with a raw string: the error is at the tag, and its hint generates the rule", () => {
    const errors = errorsOf(source("", `@validation rule="${RULE}" message="bad service"`));
    expect(errors.map((e) => `${e.code} ${e.message} | ${e.hint}`)).toEqual([
      `CRD1004 @validation ${MESSAGE("rule")}. | write rule='${RULE}'`,
    ]);
    const result = generateFrom(source("", `@validation rule='${RULE}' message="bad service"`));
    expect(result.diagnostics).toEqual([]);
    expect(
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec![
        "x-kubernetes-validations"
      ],
    ).toEqual([{ rule: RULE, message: "bad service" }]);
  });

  test("a printer column's JSONPath filter: the hint gives the path in single quotes", () => {
    const errors = errorsOf(source(`@printColumn name=Ready type=string jsonPath="${PATH}" priority=1`, ""));
    expect(errors.map((e) => e.hint)).toEqual([`write jsonPath='${PATH}'`]);
    const result = generateFrom(
      source(`@printColumn name=Ready type=string jsonPath='${PATH}' priority=1`, ""),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.crds[0]!.spec.versions[0]!.additionalPrinterColumns).toEqual([
      { name: "Ready", type: "string", jsonPath: PATH, priority: 1 },
    ]);
  });
});
