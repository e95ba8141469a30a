/**
 * Promises that settle once a condition on some state holds, re-checked whenever the owner
 * reports a change: tests wait for an event instead of polling or sleeping.
 */
export class Waiters<State> {
  private readonly checks = new Set<() => void>();

  /** `read` returns a detached copy of the state; each waiter gets the copy it matched. */
  constructor(private readonly read: () => State) {}

  /**
   * Resolves with the state as soon as `condition` holds of it, at once if it already does.
   * A condition that throws rejects the promise instead of breaking whoever changed the state.
   */
  waitFor(condition: (state: State) => boolean): Promise<State> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const state = this.read();
        let holds: boolean;
        try {
          holds = condition(state);
        } catch (error) {
          this.checks.delete(check);
          reject(
            error instanceof Error ? error : new Error(`the condition threw ${String(error)}`),
          );
          return;
        }
        if (!holds) return;
        this.checks.delete(check);
        resolve(state);
      };
      this.checks.add(check);
      check();
    });
  }

  /** Re-checks every waiting condition; call it after each change of the state. */
  changed(): void {
    for (const check of [...this.checks]) check();
  }
}
