/**
 * The part of the Excel JavaScript API the add-in uses, derived from @types/office-js: each view
 * picks its members from the Office.js class (as the typings declare them) and re-declares only
 * the members that hand back other Excel objects, to hand back views. The real `Excel` global fits
 * `ExcelLike` without a cast (proved below and used so in the task pane and the commands), and the
 * in-memory Excel implements the same views: when either drifts from the typings, tsc fails.
 */

/** Reloading a view hands back the view (Office.js's `load` returns the object itself). */
interface Loads<Self> {
  load(propertyNames?: string | string[]): Self;
}

export type Matrix = unknown[][];

/** Excel.RangeValueType, or its name (which is what arrives from Excel at run time). */
export type ValueTypeName = Excel.RangeValueType | `${Excel.RangeValueType}`;

export interface RangeAreasLike extends Pick<Excel.RangeAreas, "isNullObject" | "address">, Loads<RangeAreasLike> {}

export type RangeFillLike = Pick<Excel.RangeFill, "color" | "clear">;
export type RangeFontLike = Pick<Excel.RangeFont, "bold">;

export interface RangeFormatLike {
  readonly fill: RangeFillLike;
  readonly font: RangeFontLike;
}

export interface RangeLike
  extends Pick<Excel.Range, "isNullObject" | "values" | "formulas" | "numberFormat" | "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "select" | "clear">,
    Loads<RangeLike> {
  readonly format: RangeFormatLike;
  /** What each cell holds: "Empty", "String", "Double", "Boolean", "Error", … */
  readonly valueTypes: ValueTypeName[][];
  getMergedAreasOrNullObject(): RangeAreasLike;
  /** ExcelApi 1.9; the source by address (`'Sheet 1'!C10`), which any Office.js Range accepts. */
  copyFrom(sourceRange: string, copyType?: Excel.RangeCopyType | "All" | "Formulas" | "Values" | "Formats"): void;
}

export interface NoteLike extends Pick<Excel.Note, "isNullObject" | "content" | "delete">, Loads<NoteLike> {}

export interface NoteCollectionLike {
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(key: string): NoteLike;
}

export interface WorksheetProtectionLike extends Pick<Excel.WorksheetProtection, "protected">, Loads<WorksheetProtectionLike> {}

/** What a worksheet's onChanged handler is given (ExcelApi 1.7; triggerSource 1.14). */
export type WorksheetChangedArgs = Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType" | "source" | "type" | "worksheetId"> &
  Partial<Pick<Excel.WorksheetChangedEventArgs, "triggerSource">>;

/** A registered handler: remove() is queued on the context it was added with, and runs on that context's sync. */
export interface EventHandlerResultLike extends Pick<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, "remove"> {
  readonly context: Pick<OfficeExtension.ClientRequestContext, "sync">;
}

export interface ChangedEventLike {
  add(handler: (args: WorksheetChangedArgs) => Promise<unknown>): EventHandlerResultLike;
}

export interface WorksheetLike extends Pick<Excel.Worksheet, "isNullObject" | "name" | "activate">, Loads<WorksheetLike> {
  readonly protection: WorksheetProtectionLike;
  readonly notes: NoteCollectionLike;
  readonly onChanged: ChangedEventLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  getRange(address?: string): RangeLike;
}

export interface WorksheetCollectionLike extends Loads<WorksheetCollectionLike> {
  readonly items: WorksheetLike[];
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
  add(name?: string): WorksheetLike;
}

export interface SettingLike extends Pick<Excel.Setting, "isNullObject" | "value">, Loads<SettingLike> {}

export interface SettingCollectionLike {
  add(key: string, value: unknown): unknown;
  getItemOrNullObject(key: string): SettingLike;
}

export interface RequestContextLike extends Pick<Excel.RequestContext, "sync"> {
  readonly workbook: { readonly worksheets: WorksheetCollectionLike; readonly settings: SettingCollectionLike; getSelectedRange(): RangeLike };
  readonly application: Pick<Excel.Application, "suspendApiCalculationUntilNextSync">;
}

export type RunOptions = Pick<Excel.RunOptions, "delayForCellEdit" | "mergeUndoGroup">;

/** `Excel.run` with options: the only entry the add-in uses. */
export interface ExcelLike {
  run<T>(options: RunOptions, batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

/** `Office.context.requirements`. */
export type RequirementsLike = Pick<Office.RequirementSetSupport, "isSetSupported">;

/*
 * tsc proves here that every Office.js object fits its view, member by member, so no cast is needed
 * at the boundary; the in-memory Excel implements the same views.
 */
/** A union of these is `true` only when every one is. */
type Fits<Real, V> = [Real] extends [V] ? true : false;
type Assert<T extends true> = T;
export type _OfficeFits = Assert<
  Fits<typeof Excel, ExcelLike> | Fits<Excel.RequestContext, RequestContextLike> | Fits<Excel.Range, RangeLike> | Fits<Excel.RangeAreas, RangeAreasLike>|
  Fits<Excel.Worksheet, WorksheetLike> | Fits<Excel.WorksheetCollection, WorksheetCollectionLike> | Fits<Excel.Note, NoteLike>|
  Fits<Excel.NoteCollection, NoteCollectionLike> | Fits<Excel.Setting, SettingLike> | Fits<Excel.SettingCollection, SettingCollectionLike>|
  Fits<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, ChangedEventLike> | Fits<Excel.RangeFormat, RangeFormatLike>|
  Fits<Excel.WorksheetProtection, WorksheetProtectionLike> | Fits<Office.RequirementSetSupport, RequirementsLike>
>;

/** Error codes the Excel JavaScript API reports (OfficeExtension.Error.code). */
export const ErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  accessDenied: "AccessDenied",
  payloadTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  rangeExceedsLimit: "RangeExceedsLimit",
  itemNotFound: "ItemNotFound",
  invalidOperation: "InvalidOperation",
  generalException: "GeneralException",
  cellEditMode: "InvalidOperationInCellEditMode",
  apiNotFound: "ApiNotFound",
} as const;

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}
