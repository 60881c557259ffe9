/**
 * A printer column's type, format or priority Kubernetes would refuse: Kubernetes' error lists
 * what it takes, and the hint names the value meant.
 */
import { expect, test } from "vitest";
import { errorsOf, generateFrom } from "../helpers/generate.js";

const root = (column: string) => `/**
 * @crd @group x.io @version v1
 * @printColumn name=Age ${column}
 */
export interface Widget { spec?: { a?: number; n?: string } }
`;

test.each([
  [
    "type=strin jsonPath=.spec.n",
    'type: Invalid value: "strin": must be one of',
    "did you mean type=string?",
  ],
  ["type=Date jsonPath=.metadata.creationTimestamp", '"Date"', "did you mean type=date?"],
  ["type=timestamp jsonPath=.metadata.creationTimestamp", '"timestamp"', "did you mean type=date?"],
  ["type=float jsonPath=.spec.a", '"float"', "did you mean type=number?"],
  [
    "type=date format=dat-time jsonPath=.metadata.creationTimestamp",
    'format: Invalid value: "dat-time": must be one of',
    "did you mean format=date-time?",
  ],
  [
    "type=object jsonPath=.spec.n",
    '"object"',
    "a column's type is the kind of value kubectl prints: date for a timestamp (shown as an age), else boolean, integer, number or string",
  ],
])("@printColumn name=Age %s: Kubernetes' error, and the value meant", (column, words, hint) => {
  const errors = errorsOf(root(column));
  expect(errors.map((e) => [e.code, e.hint])).toEqual([["CRD2001", hint]]);
  expect(errors[0]!.message).toContain(words);
  expect(errors[0]!.location).toMatchObject({ line: 3 });
});

test("following the hint works", () => {
  expect(generateFrom(root("type=string jsonPath=.spec.n")).ok).toBe(true);
  expect(generateFrom(root("type=date format=date-time jsonPath=.metadata.creationTimestamp")).ok).toBe(true);
});

test("a priority that is no count says what the numbers mean", () => {
  expect(errorsOf(root("type=string jsonPath=.spec.n priority=x")).map((e) => [e.code, e.hint])).toEqual([
    ["CRD1004", "write priority=0 for a column kubectl get shows, or priority=1 for one only -o wide shows"],
  ]);
});
