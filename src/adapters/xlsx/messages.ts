/** What the file layer tells people, by problem code (Japanese). Codes live in refusals.ts. */
import type { RefusalCode, WriteProblemCode } from "./refusals";

export const REFUSAL_MESSAGES: Record<RefusalCode, (file: string, detail: string) => string> = {
  encrypted: (file) => `ブック「${file}」はパスワードで保護（暗号化）されているため開けません。Excel でパスワードを解除して保存してから実行してください。`,
  xls: (file) => `ブック「${file}」は Excel 97-2003 形式（.xls）のため読めません。Excel で「Excel ブック (*.xlsx)」として保存し直してから実行してください。`,
  ods: (file) => `ブック「${file}」は OpenDocument 形式（.ods）のため読めません。Excel ブック（.xlsx）として保存し直してから実行してください。`,
  xlsb: (file) => `ブック「${file}」は Excel バイナリ ブック（.xlsb）のため読めません。Excel ブック（.xlsx）として保存し直してから実行してください。`,
  "not-a-workbook": (file) => `ファイル「${file}」は Excel ブック（.xlsx / .xlsm）ではないため読めません。`,
  "broken-zip": (file) => `ブック「${file}」は壊れています（zip として読めません）。`,
  "missing-part": (file, detail) => `ブック「${file}」は壊れています（必要な部分 ${detail} がありません）。`,
  "broken-part": (file, detail) => `ブック「${file}」は壊れています（${detail} を読めません）。`,
};

export const WRITE_PROBLEM_MESSAGES: Record<WriteProblemCode, (place: string, detail: string) => string> = {
  "outside-plan": (place) => `${place} は書き込みが許可された列の外です。何も書き込んでいません。`,
  "missing-sheet": (place) => `${place} が見つかりません（名前が変わったか削除されました）。何も書き込んでいません。`,
  "merged-cell": (place, master) => `${place} は結合されたセルの一部です（結合の左上は ${master}）。何も書き込んでいません。`,
  "shared-formula": (place) => `${place} は共有数式の基準セルで、ほかのセルの数式がこの式を参照しています。何も書き込んでいません。`,
  "array-formula": (place) => `${place} は配列数式の範囲内です。何も書き込んでいません。`,
  "notes-unreadable": (place, detail) => `${place} のメモを書き込めません（${detail} を読めません）。何も書き込んでいません。`,
};
