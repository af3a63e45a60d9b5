import { z } from "zod";

/**
 * A grading preset is data: validated with zod, saved in the workbook or loaded from JSON.
 *
 * - `standard`: 達成率 = 実績 ÷ 目標 (T ÷ A when smaller is better), judged against the final target.
 * - `progress`: 進捗率 from the baseline, optionally against the share of the plan period passed.
 * - `binary`: 達成 / 未達成.
 *
 * `bands` are checked in order: the first band whose `min` the score reaches gives the label;
 * `below` is the label when none does. For `standard`, an achieved indicator always gets
 * `achievedLabel`; for `binary` only `achievedLabel` / `notAchievedLabel` are used.
 */
export const GradeBandSchema = z.object({
  min: z.number().finite(),
  label: z.string().min(1).max(20),
});

export const PresetSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  method: z.enum(["standard", "progress", "binary"]),
  name: z.string().min(1).max(100),
  description: z.string().max(1000).default(""),
  achievedLabel: z.string().min(1).max(20),
  notAchievedLabel: z.string().min(1).max(20).optional(),
  bands: z.array(GradeBandSchema).max(10).default([]),
  below: z.string().min(1).max(20).optional(),
  /** Fill colours for grade cells, by label ("#RRGGBB"). */
  colors: z.record(z.string(), z.string().regex(/^#[0-9A-Fa-f]{6}$/)).default({}),
});

export type Preset = z.infer<typeof PresetSchema>;
export type GradeBand = z.infer<typeof GradeBandSchema>;
export type PresetMethod = Preset["method"];
