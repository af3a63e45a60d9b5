import type { Preset } from "../presets/Preset";

/** The first band whose minimum the score reaches, else the preset's lowest label. */
export function bandLabel(preset: Preset, score: number | null): string {
  if (score !== null) {
    for (const band of preset.bands) if (score >= band.min - 1e-9) return band.label;
  }
  return preset.below ?? preset.notAchievedLabel ?? preset.bands[preset.bands.length - 1]?.label ?? preset.achievedLabel;
}
