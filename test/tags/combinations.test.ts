/**
 * Tags of one declaration taken together (src/tags/combinations.ts): repeated values of
 * repeatable tags, and tags that set the same keyword.
 */
import { describe, expect, test } from "vitest";
import { conflictingTags, repeatedValues } from "../../src/tags/combinations.js";
import { tagRegistry } from "../../src/tags/index.js";
import type { AppliedTag } from "../../src/tags/registry.js";

/** `@name text` lines, parsed by the registry as the reader parses them; line i + 1 each. */
function tags(...lines: string[]): AppliedTag[] {
  return lines.map((line, i) => {
    const [, name, text] = /^@(\w+)\s*(.*)$/.exec(line)!;
    const parsed = tagRegistry.get(name!)!.parse(text!);
    if (!parsed.ok) throw new Error(`${line}: ${parsed.message}`);
    return { name: name!, value: parsed.value, origin: { file: "/t.ts", line: i + 1, column: 4 } };
  });
}

/** Each problem as `line: message (hint)`. */
function shown(problems: ReturnType<typeof repeatedValues>): string[] {
  return problems.map((p) => `${p.tag.origin!.line}: ${p.message} (${p.hint ?? ""})`);
}

describe("repeatedValues", () => {
  test.each([
    [["@shortName wd", "@shortName wdg", "@category all", "@category other"]],
    [["@annotation a=1", "@annotation b=1", "@label a=1"]],
    [["@printColumn name=A type=string jsonPath=.a", "@printColumn name=B type=string jsonPath=.a"]],
    [["@selectableField .spec.a", "@selectableField .spec.b", "@subresource status"]],
    // Tags without distinct values repeat freely.
    [['@validation rule="true"', '@validation rule="true"']],
  ])("%j: nothing", (lines) => {
    expect(repeatedValues(tags(...lines))).toEqual([]);
  });

  test.each([
    [
      ["@shortName wd", "@shortName wd"],
      ["2: @shortName wd is given more than once (first at line 1). (remove the repeated tag)"],
    ],
    [
      ["@category all", "@shortName all", "@category all", "@category all"],
      [
        "3: @category all is given more than once (first at line 1). (remove the repeated tag)",
        "4: @category all is given more than once (first at line 1). (remove the repeated tag)",
      ],
    ],
    [
      ["@annotation example.com/team=a", "@annotation example.com/team=b"],
      [
        "2: @annotation example.com/team is given more than once, with a different value (first at line 1). (keep one value for the key)",
      ],
    ],
    [
      ["@label app=x", "@label app=x"],
      ["2: @label app is given more than once (first at line 1). (remove the repeated tag)"],
    ],
    [
      // A key every object has (`__proto__` itself is no label key: it starts with "_").
      ["@label constructor=x", "@label constructor=y"],
      [
        "2: @label constructor is given more than once, with a different value (first at line 1). (keep one value for the key)",
      ],
    ],
    [
      ["@printColumn name=A type=string jsonPath=.a", "@printColumn name=A type=integer jsonPath=.a"],
      [
        "2: @printColumn name=A jsonPath=.a is given more than once, with a different value (first at line 1). (give each column its own name or path)",
      ],
    ],
    [
      ["@selectableField .spec.a", "@selectableField .spec.a"],
      ["2: @selectableField .spec.a is given more than once (first at line 1). (remove the repeated tag)"],
    ],
    [
      [
        "@subresource scale specReplicasPath=.spec.r statusReplicasPath=.status.r",
        "@subresource status",
        "@subresource scale specReplicasPath=.spec.s statusReplicasPath=.status.s",
      ],
      [
        "3: @subresource scale is given more than once, with a different value (first at line 1). (keep one of them)",
      ],
    ],
  ])("%j", (lines, problems) => {
    expect(shown(repeatedValues(tags(...lines)))).toEqual(problems);
  });
});

describe("conflictingTags", () => {
  test.each([
    [["@minimum 0", "@exclusiveMinimum"]],
    [["@exclusiveMinimum true", "@minimum 0"]],
    [["@exclusiveMaximum 5"]],
    [["@maximum 5", "@exclusiveMaximum", "@exclusiveMinimum 1"]],
    [["@uniqueItems", "@listType set"]],
    [["@mapType atomic", "@structType atomic"]],
    [["@minimum 1", "@maximum 1"]],
    [["@minLength 0", "@maxLength 0"]],
    [["@exclusiveMinimum 0", "@maximum 1"]],
  ])("%j: nothing", (lines) => {
    expect(conflictingTags(tags(...lines))).toEqual([]);
  });

  test.each([
    [
      ["@exclusiveMinimum 1", "@minimum 0"],
      [
        "2: @exclusiveMinimum 1 and @minimum 0 both set the minimum. (write @minimum 1 @exclusiveMinimum for > 1, or @minimum 0 alone for >= 0)",
      ],
    ],
    [
      ["@maximum 5", "@exclusiveMaximum 3"],
      [
        "2: @exclusiveMaximum 3 and @maximum 5 both set the maximum. (write @maximum 3 @exclusiveMaximum for < 3, or @maximum 5 alone for <= 5)",
      ],
    ],
    [
      ["@listType atomic", "@uniqueItems"],
      [
        "2: @uniqueItems makes the list a set, but @listType atomic says it is not one. (remove @listType atomic for a set of scalars, or @uniqueItems for a list that may repeat items)",
      ],
    ],
    [
      ["@uniqueItems", "@listType map", "@listMapKey name"],
      [
        "2: @uniqueItems makes the list a set, but @listType map says it is a list-map. (remove @uniqueItems: a list-map's items are already unique by their @listMapKey)",
      ],
    ],
    [
      ["@minLength 5", "@maxLength 3"],
      [
        "2: @minLength 5 and @maxLength 3 leave no value that fits both: the API server would refuse every value. (did you mean @minLength 3 and @maxLength 5?)",
      ],
    ],
    [
      ["@maxItems 0", "@minItems 1"],
      [
        "2: @minItems 1 and @maxItems 0 leave no value that fits both: the API server would refuse every value. (did you mean @minItems 0 and @maxItems 1?)",
      ],
    ],
    [
      ["@minimum 10", "@maximum 1"],
      [
        "2: @minimum 10 and @maximum 1 leave no value that fits both: the API server would refuse every value. (did you mean @minimum 1 and @maximum 10?)",
      ],
    ],
    [
      ["@exclusiveMinimum 1", "@maximum 1"],
      [
        "2: @exclusiveMinimum 1 and @maximum 1 leave no value that fits both: the API server would refuse every value. (make the range wider)",
      ],
    ],
    [
      ["@structType granular", "@mapType atomic"],
      [
        "2: @mapType atomic and @structType granular both set x-kubernetes-map-type. (keep @mapType on a map, @structType on an object with properties)",
      ],
    ],
  ])("%j", (lines, problems) => {
    expect(shown(conflictingTags(tags(...lines)))).toEqual(problems);
  });
});
