/**
 * The feature tabs, after the WAI-ARIA tabs pattern: one tab in the Tab order (the selected one),
 * arrow keys, Home and End move between tabs and select them. Written here rather than Fluent's
 * TabList, whose focus helper (Tabster) puts focusable elements under aria-hidden, which axe
 * reports as a serious violation (aria-hidden-focus) in every state of the pane.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    appearance: "none",
    border: "none",
    background: "none",
    cursor: "pointer",
    // Narrow enough for the four tabs on one line at 320 px, in English too.
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalSNudge}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

export interface PaneTab<Id extends string> {
  id: Id;
  label: string;
}

export function PaneTabs<Id extends string>({ tabs, selected, onSelect, label }: { tabs: readonly PaneTab<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }): React.JSX.Element {
  const styles = useStyles();
  const refs = React.useRef(new Map<Id, HTMLButtonElement>());
  const move = (to: number): void => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, index: number): void => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
          }}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-controls={`panel-${tab.id}`}
          aria-selected={tab.id === selected}
          tabIndex={tab.id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, tab.id === selected && styles.selected)}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
