/**
 * Patching a worksheet written with a namespace prefix and indented, as some writers do: each edit
 * lands in its row and column order, and every character we do not change stays where it was.
 */
import JSZip from "jszip";
import { applyEdits } from "../../../../src/adapters/xlsx/applyEdits";
import { openXlsx } from "../../../../src/adapters/xlsx/openXlsx";
import { minimalXlsx } from "../../../helpers/minimalXlsx";

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:dimension ref="A1:C4"/>
  <x:sheetData>
    <x:row r="1" spans="1:3">
      <x:c r="A1" t="str" cm="1"><x:f>1+1</x:f><x:v>2</x:v></x:c>
      <x:c r="C1"><x:v>3</x:v></x:c>
    </x:row>
    <x:row r="2" spans="1:3" customFormat="1" s="1"/>
    <x:row r="4"><x:c r="B4" s="1"/></x:row>
  </x:sheetData>
</x:worksheet>`;

/** A one-sheet workbook (指標) whose sheet part is SHEET. */
async function openSheet() {
  const zip = await JSZip.loadAsync(await minimalXlsx({ sheets: [{ name: "指標", data: "" }] }));
  zip.file("xl/worksheets/sheet1.xml", SHEET);
  const opened = await openXlsx(await zip.generateAsync({ type: "uint8array" }), "book.xlsx");
  if (!opened.ok) throw new Error(opened.message);
  return opened.book;
}

test("a prefixed, indented sheet: cells replaced, inserted between others, in a self-closing row and a new row; the rest as it was", async () => {
  const book = await openSheet();
  const applied = await applyEdits(book, [{ sheet: "指標", edits: [
    { row: 0, col: 0, value: "新" },
    { row: 0, col: 1, value: 5 },
    { row: 1, col: 1, value: 7 },
    { row: 2, col: 1, value: "x" },
    { row: 3, col: 1, fill: "#FFEB9C" },
  ] }]);
  expect(applied).toMatchObject({ ok: true, changed: 5 });
  const xml = await book.pkg.text("xl/worksheets/sheet1.xml");
  expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:dimension ref="A1:C4"/>
  <x:sheetData>
    <x:row r="1" spans="1:3">
      <x:c r="A1" t="inlineStr"><x:is><x:t>新</x:t></x:is></x:c>
      <x:c r="B1"><x:v>5</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c>
    </x:row>
    <x:row r="2" spans="1:3" customFormat="1" s="1"><x:c r="B2" s="1"><x:v>7</x:v></x:c></x:row>
    <x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row><x:row r="4"><x:c r="B4" s="4"/></x:row>
  </x:sheetData>
</x:worksheet>`);
});

test("an edit that changes nothing leaves the part as it was: a fill only over our highlight on cells without it, existing or not", async () => {
  const book = await openSheet();
  // A1 keeps its odd attributes (cm) and C1 its value; B3 is not created.
  const applied = await applyEdits(book, [{ sheet: "指標", edits: [
    { row: 0, col: 0, fill: null, fillOnlyIf: "#FFEB9C" },
    { row: 0, col: 2, fill: null, fillOnlyIf: "#FFEB9C" },
    { row: 2, col: 1, fill: null, fillOnlyIf: "#FFEB9C" },
  ] }]);
  expect(applied).toMatchObject({ ok: true });
  expect(await book.pkg.text("xl/worksheets/sheet1.xml")).toBe(SHEET);
});
