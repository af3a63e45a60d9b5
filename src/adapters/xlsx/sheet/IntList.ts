/** Buffers of finished lists, for the next ones: a workbook's sheets are read one after another. */
const spare: Int32Array[] = [];
const NO_BUFFER = new Int32Array(0);

/**
 * A growing list of 32-bit integers (offsets in a part), 4 bytes each. Its working buffer comes
 * from the lists done before it and goes back when it is done, so reading 200 sheets grows a few
 * buffers once instead of every list of every sheet from nothing.
 */
export class IntList {
  private data = spare.pop() ?? new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length >= this.data.length) {
      if (this.data === NO_BUFFER) throw new Error("IntList: push after done()");
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values, in an array of their own; the list gives its buffer back and takes no more values. */
  done(): Int32Array {
    const values = this.data.slice(0, this.length);
    if (this.data !== NO_BUFFER && spare.length < 32) spare.push(this.data);
    this.data = NO_BUFFER;
    return values;
  }
}
