import { jsonCopy } from "../../core/text/jsonCopy";
import { z } from "zod";
import { PresetSchema } from "../../core/presets/Preset";
import { LayoutMappingSchema } from "../../core/layouts/layoutMapping";
import type { ExcelLike } from "./ExcelLike";

/** The add-in's settings, kept in the workbook (they travel with the file; nothing secret). */
export const AddinSettingsSchema = z.object({
  version: z.literal(1),
  presetId: z.string().min(1).default("standard"),
  customPreset: PresetSchema.optional(),
  planStart: z.number().int().min(1989).max(2200).optional(),
  /** Named reference values, e.g. { 法定雇用率: 0.025 }. */
  references: z.record(z.string(), z.number().finite()).default({}),
  /** Directions the user confirmed, by indicator key. */
  directionOverrides: z.record(z.string(), z.enum(["up", "down"])).default({}),
  /** Tables and column roles set by hand in the 検証 view (the same shape the CLI takes with --layout). */
  layout: LayoutMappingSchema.optional(),
});

export type AddinSettings = z.infer<typeof AddinSettingsSchema>;

export const SETTINGS_KEY = "kpiSheets.settings";

export const DEFAULT_SETTINGS: AddinSettings = { version: 1, presetId: "standard", references: {}, directionOverrides: {} };

/** Read the settings through their schema; an invalid stored value is reported and replaced by the defaults. */
export async function loadSettings(excel: ExcelLike): Promise<{ settings: AddinSettings; problems: string[] }> {
  const stored = await excel.run({ delayForCellEdit: true }, async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
    await context.sync();
    return item.isNullObject ? undefined : item.value;
  });
  if (stored === undefined || stored === null) return { settings: jsonCopy(DEFAULT_SETTINGS), problems: [] };
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return { settings: jsonCopy(DEFAULT_SETTINGS), problems: [`ブックに保存された設定を読めません（JSON ではありません）。既定の設定を使います。`] };
    }
  }
  const parsed = AddinSettingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const fields = parsed.error.issues.map((i) => `「${i.path.join(".") || "(全体)"}」: ${i.message}`).join("、");
  return { settings: jsonCopy(DEFAULT_SETTINGS), problems: [`ブックに保存された設定が正しくありません（${fields}）。既定の設定を使います。`] };
}

export async function saveSettings(excel: ExcelLike, settings: AddinSettings): Promise<void> {
  const valid = AddinSettingsSchema.parse(settings);
  await excel.run({ delayForCellEdit: true }, async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, valid);
    await context.sync();
  });
}
