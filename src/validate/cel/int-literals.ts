/**
 * cel-go's parser refuses an int literal that 64 bits cannot hold ("invalid int literal":
 * `9223372036854775808`, `0x8000000000000000`), where the engine reads any size as a bigint and
 * accepts it. The literal's own sign counts, as cel-go's grammar writes it (`sign=MINUS? NUM_INT`):
 * `-9223372036854775808` is the smallest int, while `-(9223372036854775808)` negates a literal
 * that is already out of range. (Uint and double literals out of range the engine refuses
 * itself; error-format.ts words them as cel-go does.)
 */
import { astChildren, type ASTNode } from "./engine.js";
import { celIssue } from "./error-format.js";

const MAX_INT = 2n ** 63n - 1n;

/** cel-go's issue for the first int literal out of range in `ast`, parsed from `source`; else undefined. */
export function intLiteralError(ast: ASTNode, source: string): string | undefined {
  let found: string | undefined;
  const visit = (node: ASTNode, parent: ASTNode | undefined, grandparent: ASTNode | undefined): void => {
    if (found !== undefined) return;
    if (node.op === "value" && typeof node.args === "bigint") {
      const signed = parent !== undefined && grandparent?.op !== "-_" && isSignOf(parent, node, source);
      if (node.args > (signed ? MAX_INT + 1n : MAX_INT)) {
        found = celIssue(source, signed ? parent.start : node.start, "invalid int literal");
      }
      return;
    }
    for (const child of astChildren(node)) visit(child, node, parent);
  };
  visit(ast, undefined, undefined);
  return found;
}

/** Whether `parent` is a minus written right before the literal, which cel-go reads as its sign. */
function isSignOf(parent: ASTNode, literal: ASTNode, source: string): boolean {
  return parent.op === "-_" && /^-\s*$/.test(source.slice(parent.start, literal.start));
}
