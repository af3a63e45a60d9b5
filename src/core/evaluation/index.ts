export { evaluateIndicator, evaluateParsed, parseIndicator, type ParsedIndicator } from "./evaluateIndicator";
export { decideDirection } from "./direction";
export { achievementRate, expectedShare, isAchieved, progressRate } from "./rates";
export { trendOf } from "./trend";
