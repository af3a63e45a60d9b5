/** A part of a view: a level-3 heading that names the region (or figure) it heads. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, margin: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function Section({ title, as: Tag = "section", children }: { title: string; as?: "section" | "figure"; children?: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <Tag className={styles.section} aria-labelledby={id}>
      <h3 className={styles.h3} id={id}>
        {title}
      </h3>
      {children}
    </Tag>
  );
}
