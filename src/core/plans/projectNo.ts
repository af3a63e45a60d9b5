import { foldName } from "../text/normalize";

const PREFIX = /^(事業番号|事業no\.?|事業|no\.?|#|№)/;

/** A project number as people write it: `12`, `事業12`, `No.12`, `012`, `１２` all fold to `12`. */
export function foldProjectNo(text: string): string {
  const folded = foldName(text).replace(PREFIX, "");
  return /^\d+$/.test(folded) ? folded.replace(/^0+(?=\d)/, "") : folded;
}
