/**
 * The pane's one current message (a new one replaces the old), in a live region so screen readers
 * announce it, and focused when it appears: the result of an action is where the user is.
 */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { messageText } from "../wording";
import { BELOW_HEADER } from "./Header";
import { usePane } from "./PaneContext";
import { useWorkbench } from "./useWorkbench";

const useStyles = makeStyles({ message: { scrollMarginTop: BELOW_HEADER } });

export function StatusMessage(): React.JSX.Element {
  const { t, workbench } = usePane();
  const styles = useStyles();
  useWorkbench(workbench);
  const message = workbench.message;
  const ref = React.useRef<HTMLDivElement>(null);
  const titleId = React.useId();
  React.useEffect(() => {
    if (!message) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [message]);
  const text = message ? messageText(t, message) : null;
  return (
    <>
    {workbench.noKpiSheet && <Caption1 role="note">{t.noKpiSheet}</Caption1>}
    <div role="status" aria-live="polite">
      {message && text && (
        <MessageBar ref={ref} tabIndex={-1} className={styles.message} intent={message.intent} layout="multiline" aria-labelledby={titleId} data-testid="message">
          <MessageBarBody>
            <MessageBarTitle id={titleId}>{text.title}</MessageBarTitle>
            {text.body}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => workbench.dismissMessage()}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
    </>
  );
}
