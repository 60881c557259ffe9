import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/tags/suggest.js";

describe("didYouMean", () => {
  it.each([
    ["maxLenght", ["maxLength", "minLength"], "maxLength"],
    ["tyep", ["type", "items"], "type"],
    ["--fromat", ["--format", "--stdout"], "--format"],
    ["MINITEMS", ["minItems", "maxItems"], "minItems"],
  ])("%s: %s", (input, known, meant) => {
    expect(didYouMean(input, known)).toBe(meant);
  });

  it("a swap counts as one edit, not two: within the budget of a four-letter word", () => {
    // Plain edit distance puts `tyep` two edits from `type`; a four-letter word allows one.
    expect(didYouMean("tyep", ["type"])).toBe("type");
    expect(didYouMean("tpye", ["type"])).toBe("type");
    expect(didYouMean("etpy", ["type"])).toBeUndefined();
  });

  it("nothing near enough is no suggestion", () => {
    expect(didYouMean("colour", ["group", "version"])).toBeUndefined();
  });
});
