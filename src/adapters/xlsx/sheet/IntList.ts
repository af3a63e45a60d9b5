/**
 * A growing list of 32-bit integers (offsets in a part): small integers in a plain array while it
 * grows (V8 keeps them unboxed), 4 bytes each in one typed array when done.
 */
export class IntList {
  private readonly values: number[] = [];

  get length(): number {
    return this.values.length;
  }

  push(value: number): void {
    this.values.push(value);
  }

  /** The values (the list is not used after). */
  done(): Int32Array {
    return new Int32Array(this.values);
  }
}
