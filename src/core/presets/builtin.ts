import { jsonCopy } from "../text/jsonCopy";
import { PresetSchema, type Preset } from "./Preset";

/** A for the achieved (or on track), then B from 80 %, C from 60 %, D below: the common bands. */
const ABCD = {
  achievedLabel: "A",
  bands: [
    { min: 0.8, label: "B" },
    { min: 0.6, label: "C" },
  ],
  below: "D",
};

const STANDARD: Preset = PresetSchema.parse({
  id: "standard",
  method: "standard",
  name: "達成率（実績÷目標）",
  description: "達成率 = 実績 ÷ 目標（小さいほど良い指標は 目標 ÷ 実績）。最終目標に対して判定し、達成で A、達成率 80% 以上 B、60% 以上 C、それ未満 D。",
  ...ABCD,
});

const PROGRESS: Preset = PresetSchema.parse({
  id: "progress",
  method: "progress",
  name: "進捗率（基準値からの進み具合）",
  description: "進捗率 = (実績 − 基準値) ÷ (目標 − 基準値)。計画初年度を指定すると、経過年数に応じた期待進捗に対して判定する。期待進捗比 100% 以上 A、80% 以上 B、60% 以上 C、それ未満 D。",
  ...ABCD,
});

const BINARY: Preset = PresetSchema.parse({
  id: "binary",
  method: "binary",
  name: "達成・未達成",
  description: "目標を達成していれば「達成」、していなければ「未達成」。",
  achievedLabel: "達成",
  notAchievedLabel: "未達成",
});

const BUILTIN = [STANDARD, PROGRESS, BINARY];

/** The presets that ship with the add-in, by id. */
export function listPresets(): Preset[] {
  return BUILTIN.map((p) => jsonCopy(p));
}

export function getPreset(id: string): Preset | undefined {
  const preset = BUILTIN.find((p) => p.id === id);
  return preset ? jsonCopy(preset) : undefined;
}

/** Validate a preset from JSON or settings; the message names the faulty field in Japanese. */
export function parsePreset(json: unknown): { ok: true; preset: Preset } | { ok: false; message: string } {
  const result = PresetSchema.safeParse(json);
  if (result.success) return { ok: true, preset: result.data };
  const problems = result.error.issues.map((issue) => `「${issue.path.join(".") || "(全体)"}」: ${issue.message}`);
  return { ok: false, message: `プリセットの項目が正しくありません: ${problems.join("、")}` };
}
