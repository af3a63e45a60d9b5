/**
 * Imported first by the task pane entry, so it runs before the rest of the bundle is evaluated:
 * office.js has run by then (a blocking script before this deferred bundle). The browser tests
 * measure the shell's first paint from this mark.
 */
performance.mark("kpi:bundle-start");
export {};
