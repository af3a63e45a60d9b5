/**
 * The in-memory Excel follows the rules of the real one that the add-in lives with. Each test cites
 * the page that documents its rule.
 */
import { MemoryExcel, type ApiVersion } from "../../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../../src/adapters/memory/MemoryWorkbook";
import type { WorksheetChangedArgs } from "../../../src/adapters/office/ExcelLike";

function setup(apiVersion: ApiVersion = "1.20", limits = {}) {
  const book = new MemoryWorkbook();
  const sheet = book.addSheet("Sheet1");
  for (let r = 0; r < 100; r++) for (let c = 0; c < 10; c++) sheet.at(r, c).value = `value ${r}-${c}`;
  const excel = new MemoryExcel(book, { apiVersion, limits });
  return { book, sheet, excel };
}

// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
// "Excel on the web has a payload size limit for requests and responses of 5 MB."
test("a response over the limit fails with ResponsePayloadSizeLimitExceeded and delivers nothing", async () => {
  const { excel } = setup("1.20", { responseBytes: 5_000 });
  let range: { values: unknown } | undefined;
  await expect(excel.run({}, async (context) => {
    range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:J100").load("values");
    await context.sync();
  })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  expect(() => range!.values).toThrow(/not available/);
});

// Same page: requests over 5 MB fail with RequestPayloadSizeLimitExceeded (nothing in them runs).
test("a request over the limit fails before anything in it runs", async () => {
  const { excel, sheet } = setup("1.20", { requestBytes: 1_000 });
  await expect(excel.run({}, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["x".repeat(20)]);
    await context.sync();
  })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(sheet.get(0, 0)?.value).toBe("value 0-0");
});

// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large (5 million cells a read;
// "Excel may return null" past the limit, office-js reports of values coming back null).
test("a read over the cell limit hands back null values", async () => {
  const { excel } = setup("1.20", { cellsPerRead: 500 });
  const values = await excel.run({}, async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:J100").load("values");
    await context.sync();
    return range.values;
  });
  expect(values).toBeNull();
});

// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
// "if the merged areas count in this range is more than 512, then this method will fail to return the result."
test("getMergedAreasOrNullObject fails over 512 merged areas, and finds only merges whose top-left cell is in the range (office-js #3611)", async () => {
  const { excel, sheet } = setup();
  sheet.merges = Array.from({ length: 513 }, (_, i) => ({ top: i, left: 20, bottom: i, right: 21 }));
  await expect(excel.run({}, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("U1:V600").getMergedAreasOrNullObject().load("address");
    await context.sync();
  })).rejects.toMatchObject({ code: "GeneralException" });
  const address = await excel.run({}, async (context) => {
    const areas = context.workbook.worksheets.getItem("Sheet1").getRange("V1:V2").getMergedAreasOrNullObject().load("address");
    await context.sync();
    return areas.isNullObject ? null : areas.address;
  });
  expect(address).toBeNull();
});

// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
// "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
test("text written to values is converted as Excel reads it: formulas, numbers, booleans, errors, dates; a quote prefix keeps text", async () => {
  const { excel, sheet } = setup();
  await excel.run({}, async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("L1:L9").values = [["=1+1"], ["+A1"], ["(100)"], [".5"], ["TRUE"], ["#N/A"], ["15-Feb"], ["10%"], ["'=1+1"]];
    await context.sync();
  });
  const cells = Array.from({ length: 9 }, (_, r) => sheet.get(r, 11)!);
  expect(cells.map((c) => c.formula ?? c.value)).toEqual(["=1+1", "=+A1", -100, 0.5, true, "#N/A", expect.any(Number), 0.1, "=1+1"]);
  expect(cells[5].error).toBe(true);
  expect(cells[6].numberFormat).toBe("d-mmm");
  expect(cells[7].numberFormat).toBe("0%");
  expect(cells[8]).toMatchObject({ formula: null, quoted: true });
});

// https://github.com/OfficeDev/office-js/issues/6687: reading formulas strips the leading apostrophe.
test("formulas of a quoted text cell read without the apostrophe, as a formula would", async () => {
  const { book, excel } = setup();
  book.userEntry("Sheet1", "M1", [["'=1+1", "=1+1"]]);
  const formulas = await excel.run({}, async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("M1:N1").load("formulas,values,valueTypes");
    await context.sync();
    return [range.formulas[0], range.values[0], range.valueTypes[0]];
  });
  expect(formulas).toEqual([["=1+1", "=1+1"], ["=1+1", ""], ["String", "Unknown"]]);
});

// https://learn.microsoft.com/javascript/api/excel/excel.runoptions (mergeUndoGroup: ExcelApi 1.20):
// office.js drops an option the host's set lacks, silently; the run goes on without it.
test("run options below their set are dropped silently: mergeUndoGroup below 1.20, delayForCellEdit below 1.11", async () => {
  const { book, excel } = setup("1.7");
  await expect(excel.run({ mergeUndoGroup: true }, async (context) => context.sync())).resolves.toBeUndefined();
  expect(excel.stats.droppedOptions).toEqual(["mergeUndoGroup"]);
  book.cellEditMode = true;
  await expect(excel.run({ delayForCellEdit: true }, async (context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  const modern = new MemoryExcel(book, { apiVersion: "1.11" });
  setTimeout(() => (book.cellEditMode = false), 20);
  await expect(modern.run({ delayForCellEdit: true }, async (context) => context.sync())).resolves.toBeUndefined();
});

// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events ("Events within an Excel workbook
// can be triggered by … Office Add-in (JavaScript) code that changes the workbook") and
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs (triggerSource: ExcelApi 1.14).
test("onChanged fires after the change with the documented arguments, for the add-in's own writes too; not for formats", async () => {
  for (const version of ["1.7", "1.14"] as const) {
    const { book, sheet, excel } = setup(version);
    const seen: WorksheetChangedArgs[] = [];
    await excel.run({}, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    book.userEntry("Sheet1", "C3", [["1"], ["2"]]);
    await excel.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D4").values = [["x"]];
      ws.getRange("E5").format.fill.color = "#FF0000";
      ws.getRange("E6").numberFormat = [["0%"]];
      await context.sync();
    });
    expect(seen).toEqual([]); // delivered asynchronously
    await excel.whenIdle();
    const trigger = (t: string) => (version === "1.14" ? { triggerSource: t } : {});
    expect(seen).toEqual([
      { type: "WorksheetChanged", address: "C3:C4", changeType: "RangeEdited", source: "Local", worksheetId: sheet.id, ...trigger("Unknown") },
      { type: "WorksheetChanged", address: "D4", changeType: "RangeEdited", source: "Local", worksheetId: sheet.id, ...trigger("ThisLocalAddin") },
    ]);
  }
});

// office.js (ClientRequestContext.processRequestExecutorResponseMessage) processes the results that come
// with an error: what ran before the failing action stays done and what it loaded is delivered.
test("a failing action stops the batch: what ran before it stays done, and what it loaded arrives", async () => {
  const { excel, sheet } = setup();
  let before: { values: unknown[][] } | undefined;
  await expect(excel.run({}, async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    before = ws.getRange("A1").load("values");
    ws.getRange("A2").values = [["written"]];
    context.workbook.worksheets.getItem("no such sheet").getRange("A1").values = [["x"]];
    ws.getRange("A3").values = [["never"]];
    await context.sync();
  })).rejects.toMatchObject({ code: "ItemNotFound" });
  expect(before!.values).toEqual([["value 0-0"]]);
  expect(sheet.get(1, 0)?.value).toBe("written");
  expect(sheet.get(2, 0)?.value).toBe("value 2-0");
});
