/**
 * The names the workspace taught the analysis — the registry's names and every article's accepted,
 * added and rejected names — as the analysis of open and closed articles uses them, and the event
 * that they changed (with which names), after a quiet time so that several decisions in a row cause
 * one pass.
 */
import { Lexicon, type LexiconEntry } from '../lexicon';
import { applyRegistry, canonicalizeAnnotations } from '../registry';
import type { Annotation } from '../sidecar/model';
import type { Analysis } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { Emitter, type Event } from './events';
import type { AnalysisKnowledge, TimerHandle, Timers } from './host';
import type { RegistryService } from './registryService';

/** Quiet time after the taught names changed before listeners hear of it. */
export const LEXICON_DELAY_MS = 800;

export class LexiconService implements AnalysisKnowledge {
  private cache: { signature: string; lexicon: Lexicon } | null = null;
  /** Entries (type, rejected, name) when listeners last heard of a change; null until the first build is done. */
  private baseline: Set<string> | null = null;
  private timer: TimerHandle | undefined;
  private readonly changed = new Emitter<{ names: string[]; initial: boolean }>();
  /**
   * Fires with the names taught or untaught since the last time (debounced); `initial` for the names
   * known when the first build settled (open articles analysed before it may need them; closed ones
   * were analysed with them already).
   */
  readonly onDidChangeNames: Event<{ names: string[]; initial: boolean }> = this.changed.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly registry: RegistryService,
    private readonly timers: Timers,
    private readonly delayMs = LEXICON_DELAY_MS,
  ) {}

  dispose(): void {
    this.timers.clear(this.timer);
    this.changed.dispose();
  }

  lexiconEntries(uri?: string): LexiconEntry[] {
    return this.index.lexiconEntries(uri);
  }

  /** The whole lexicon, built once per content. */
  lexicon(): Lexicon {
    const signature = this.index.lexiconSignature();
    if (this.cache?.signature !== signature) this.cache = { signature, lexicon: new Lexicon(this.index.lexiconEntries()) };
    return this.cache.lexicon;
  }

  fold(analysis: Analysis, annotations: Annotation[]): void {
    applyRegistry(analysis, this.registry.index);
    canonicalizeAnnotations(annotations, this.registry.index);
  }

  private keys(): Set<string> {
    return new Set(this.index.lexiconEntries().map((e) => `${e.type}\u0000${e.rejected ? 1 : 0}\u0000${e.name}`));
  }

  /**
   * The index changed: when the taught names differ from last time, tell listeners (after a quiet
   * time). `settled` is false while a build runs: the first settled state is the baseline.
   */
  indexChanged(settled: boolean): void {
    if (!settled) return;
    if (!this.baseline) {
      this.baseline = this.keys();
      const names = [...new Set([...this.baseline].map((k) => k.slice(k.lastIndexOf('\u0000') + 1)))];
      if (names.length) this.changed.fire({ names, initial: true });
      return;
    }
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      const now = this.keys();
      const names = new Set<string>();
      for (const k of now) if (!this.baseline!.has(k)) names.add(k.slice(k.lastIndexOf('\u0000') + 1));
      for (const k of this.baseline!) if (!now.has(k)) names.add(k.slice(k.lastIndexOf('\u0000') + 1));
      this.baseline = now;
      if (names.size) this.changed.fire({ names: [...names], initial: false });
    }, this.delayMs);
  }
}
