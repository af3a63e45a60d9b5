/**
 * The part of the Excel JavaScript API the adapter uses, as structural types: the real `Excel`
 * global (cast once at the boundary) and the in-memory host both provide it.
 */
export type Matrix = unknown[][];

export interface Loadable<T> {
  load(properties: string | string[]): T;
}

export interface RangeAreasLike extends Loadable<RangeAreasLike> {
  isNullObject: boolean;
  /** "A1:B2,D4:E5", with the sheet name in front of each area in real Excel. */
  address: string;
}

export interface RangeLike extends Loadable<RangeLike> {
  isNullObject: boolean;
  /** "Sheet1!A1:B2" (the sheet name quoted when it needs it: "'KPI 一覧'!A1"). */
  address: string;
  values: Matrix;
  formulas: Matrix;
  numberFormat: Matrix;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  format: { fill: { color: string; clear(): void }; font: { bold: boolean } };
  getMergedAreasOrNullObject(): RangeAreasLike;
  /** ExcelApi 1.9. */
  copyFrom?(source: RangeLike, copyType: "Formats"): void;
  select(): void;
  clear(): void;
}

export interface NoteLike extends Loadable<NoteLike> {
  isNullObject: boolean;
  content: string;
  delete(): void;
}

export interface WorksheetLike extends Loadable<WorksheetLike> {
  isNullObject: boolean;
  name: string;
  protection: Loadable<unknown> & { protected: boolean };
  getNextOrNullObject(): WorksheetLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeLike;
  getRange(address: string): RangeLike;
  activate(): void;
  notes: { add(cellAddress: string, content: string): unknown; getItemOrNullObject(cellAddress: string): NoteLike };
}

export interface SettingLike extends Loadable<SettingLike> {
  isNullObject: boolean;
  value: unknown;
}

export interface RequestContextLike {
  workbook: {
    worksheets: Loadable<unknown> & { items: WorksheetLike[]; getFirst(): WorksheetLike; getItem(name: string): WorksheetLike; getItemOrNullObject(name: string): WorksheetLike; add(name: string): WorksheetLike };
    settings: { add(key: string, value: unknown): unknown; getItemOrNullObject(key: string): SettingLike };
    /** ExcelApi 1.1. */
    getSelectedRange(): RangeLike;
  };
  application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface ExcelLike {
  run<T>(options: RunOptions, batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

export interface RequirementsLike {
  isSetSupported(name: string, version: string): boolean;
}

/** Error codes the Excel JavaScript API reports (OfficeExtension.Error.code). */
export const ErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  accessDenied: "AccessDenied",
  payloadTooLarge: "RequestPayloadSizeLimitExceeded",
  itemNotFound: "ItemNotFound",
  invalidOperation: "InvalidOperation",
  cellEditMode: "InvalidOperationInCellEditMode",
  apiNotFound: "ApiNotFound",
} as const;

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}
