/** Exit codes of the `render` command. */
export const ExitCode = {
  /** Everything rendered and written. */
  Done: 0,
  /** Some panels failed; outputs were written for the rest. */
  PanelsFailed: 1,
  /** Invalid script or usage. */
  Invalid: 2,
  /** The budget (`--max-cost`) was reached; run again with a higher one to resume. */
  BudgetReached: 3,
  /** Interrupted (Ctrl-C): tasks were stopped, the state is resumable. */
  Interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
