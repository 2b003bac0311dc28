// Arrays made in the elements kind they are going to hold. V8 gives `[]` and `new Array(n)` a kind
// for small integers and moves an array to the generic kind on its first string or object; code
// optimised while the broker ran holds the generic kind, so every new consumer's, producer's or
// journal's reused array met it with a map it did not expect: the whole poll (or send) fell back to
// unoptimised code for most of the next round (seen in the bench as the round after the first one
// running about twice as slow). Made generic from the start, the arrays match that code at once.

/** An empty array already in the generic elements kind (any value). */
export function genericArray<T>(): T[] {
  const a: unknown[] = [undefined];
  a.length = 0;
  return a as T[];
}

/** An array of `length` slots in the generic holey kind (the slots hold undefined until written). */
export function genericHoleyArray<T>(length: number): T[] {
  const a = new Array<unknown>(length);
  a.fill(undefined);
  return a as T[];
}
