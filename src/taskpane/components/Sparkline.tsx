/** A small inline chart of one indicator's actuals by year; its text alternative lists every point. */
import * as React from "react";
import { tokens } from "@fluentui/react-components";

export function Sparkline({ values, label, width = 96, height = 28 }: { values: (number | null)[]; label: string; width?: number; height?: number }): React.JSX.Element {
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => (values.length === 1 ? width / 2 : 4 + (i * (width - 8)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - 4 - ((v - min) * (height - 8)) / (max - min));
  const points = values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
  // Lines only between consecutive known years: a missing year breaks the line.
  const segments: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (a && b) segments.push(`M${a[0]},${a[1]}L${b[0]},${b[1]}`);
  }
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <path d={segments.join("")} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.5} />
      {points.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={2.5} fill={tokens.colorBrandForeground1} /> : null))}
    </svg>
  );
}
