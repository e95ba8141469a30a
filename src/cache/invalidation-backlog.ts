/**
 * The generations a replica had to move on while it could not write them to the shared store,
 * written when it reconnects. Bounded: past `maxKeys` it only remembers that it overflowed, and the
 * whole shared cache is then made stale instead (the epoch is renewed).
 */
export class InvalidationBacklog {
  private readonly keys = new Set<string>();
  private overflow = false;

  constructor(private readonly maxKeys: number) {}

  get overflowed(): boolean {
    return this.overflow;
  }

  get empty(): boolean {
    return this.keys.size === 0 && !this.overflow;
  }

  add(keys: readonly string[]): void {
    if (this.overflow) return;
    for (const key of keys) this.keys.add(key);
    if (this.keys.size > this.maxKeys) {
      this.overflow = true;
      this.keys.clear();
    }
  }

  /** Everything kept so far, which is forgotten here: put back what could not be written. */
  take(): string[] {
    const keys = [...this.keys];
    this.keys.clear();
    return keys;
  }

  /**
   * Hands over the overflow (true when there was one), forgetting it here: the caller renews the
   * epoch, and puts the overflow back with `markOverflowed` if it could not.
   */
  takeOverflow(): boolean {
    const overflowed = this.overflow;
    this.overflow = false;
    return overflowed;
  }

  markOverflowed(): void {
    this.overflow = true;
    this.keys.clear();
  }
}
