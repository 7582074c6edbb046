/**
 * A minimal event emitter with the shape of VS Code's `Event` (a function taking a listener and
 * returning a disposable), so the editor logic can be connected by events without importing `vscode`.
 */

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (e: T) => void) => Disposable;

export class Emitter<T> {
  private listeners: ((e: T) => void)[] = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  /**
   * Calls every listener, even when one throws (as VS Code's own emitter does): one part's fault must
   * not keep the others (the review loop, the status bar) from hearing of an edit. The errors go to
   * `onListenerError`, and the first is thrown again only when no handler is set.
   */
  fire(e: T): void {
    let first: { error: unknown } | undefined;
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (error) {
        if (this.onListenerError) this.onListenerError(error);
        else first ??= { error };
      }
    }
    if (first) throw first.error;
  }

  constructor(private readonly onListenerError?: (error: unknown) => void) {}

  dispose(): void {
    this.listeners = [];
  }
}
