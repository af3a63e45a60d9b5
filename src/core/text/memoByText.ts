const memories: Map<string, object>[] = [];

/**
 * A pure function of a text, remembering its results: a workbook's values are read again by its
 * checks, its evaluation and its plan (and many cells hold the same text), so each distinct text is
 * parsed once. Results are frozen, since every caller shares them. What is remembered lasts until
 * the next workbook is read (`forgetTexts`), or until `limit` texts, so it stays within one workbook.
 */
export function memoByText<T extends object>(read: (text: string) => T, limit = 50_000): (text: string) => T {
  const known = new Map<string, T>();
  memories.push(known);
  return (text: string): T => {
    let result = known.get(text);
    if (result === undefined) {
      result = Object.freeze(read(text));
      if (known.size >= limit) known.clear();
      known.set(text, result);
    }
    return result;
  };
}

/** Forget every remembered text (readWorkbook starts each workbook with none). */
export function forgetTexts(): void {
  for (const known of memories) known.clear();
}
