/** A growing list of 32-bit integers (offsets in a part): 4 bytes each, no objects. */
export class IntList {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values, trimmed to the length (the list is not used after). */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
