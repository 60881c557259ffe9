/**
 * A field path built step by step during a tree walk, whose text is made only when something
 * needs it. The schema walks visit every node of schemas with a hundred thousand nodes and
 * almost never report anything there, so building `…properties[name]` strings for each node
 * cost more than the checks themselves.
 *
 * A walk pushes a step before visiting a child and pops it afterwards; `text()` is the current
 * path exactly as `child`/`index`/`key` of errors.ts would have spelled it.
 */
import { child, index, key } from "./errors.js";

export class PathStack {
  /** Each step's name, and whether it is bracketed (`key`/`index`) rather than dotted (`child`). */
  private readonly names: Array<string | number> = [];
  private readonly bracketed: boolean[] = [];
  /** texts[i] is the text of the first i + 1 steps, once made (ancestors are often asked for too). */
  private readonly texts: Array<string | undefined> = [];
  private depth = 0;

  constructor(private readonly root: string) {}

  /** `child(path, name)`. */
  child(name: string): void {
    this.push(name, false);
  }

  /** `key(path, k)`. */
  key(k: string): void {
    this.push(k, true);
  }

  /** `index(path, i)`. */
  index(i: number): void {
    this.push(i, true);
  }

  /** Removes the last `n` steps. */
  pop(n = 1): void {
    this.depth -= n;
  }

  /** The current path. */
  text(): string {
    let i = this.depth - 1;
    while (i >= 0 && this.texts[i] === undefined) i--;
    let out = i >= 0 ? this.texts[i]! : this.root;
    for (i++; i < this.depth; i++) {
      const name = this.names[i]!;
      if (!this.bracketed[i]) out = child(out, name as string);
      else out = typeof name === "number" ? index(out, name) : key(out, name);
      this.texts[i] = out;
    }
    return out;
  }

  /** `child(text(), ...names)`, without changing the path. */
  childText(...names: string[]): string {
    return child(this.text(), ...names);
  }

  private push(name: string | number, bracketed: boolean): void {
    const d = this.depth++;
    this.names[d] = name;
    this.bracketed[d] = bracketed;
    this.texts[d] = undefined;
  }
}
