/**
 * The entity registry of the workspace (`entities.yaml`, or the file `newsAnnotator.registryPath`
 * names inside the first folder): where it is, its text as the editor sees it (an open, unsaved tab
 * wins over the file), the parsed index, and an event when it changes. Problems go to the log,
 * never into a notification, and a registry with problems is ignored until fixed.
 */
import { EMPTY_REGISTRY, parseRegistry, RegistryIndex, resolveRegistryPath, type RegistryEntity } from '../registry';
import { normalizeText } from '../text';
import { Emitter, type Event } from './events';
import type { Logger } from './host';

export interface RegistryHost {
  /** The first workspace folder's URI (null: no folder). */
  folder(): string | null;
  /** `folder` + path parts, as a URI string. */
  join(folder: string, parts: readonly string[]): string;
  /** The registryPath setting. */
  setting(): string | undefined;
  /** The text of an open editor tab for `uri`, if any. */
  openText(uri: string): string | null;
  /** The file's text (strict UTF-8), null when it does not exist or cannot be read. */
  readText(uri: string): Promise<string | null>;
  log: Logger;
}

export class RegistryService {
  private idx: RegistryIndex = EMPTY_REGISTRY;
  /** The registry's LF-normalized text as last read (null: none). */
  private textRead: string | null = null;
  private readonly changed = new Emitter<void>();
  /** Fires after the registry was read again (its names fold onto every article). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly host: RegistryHost) {}

  get index(): RegistryIndex {
    return this.idx;
  }

  /** The LF-normalized text the registry was last parsed from. */
  get text(): string | null {
    return this.textRead;
  }

  /** The registry file's URI (a refused setting falls back to `entities.yaml`, with a warning). */
  location(): string | null {
    const folder = this.host.folder();
    if (!folder) return null;
    const r = resolveRegistryPath(this.host.setting());
    if (!r.ok) this.host.log.warn('newsAnnotator.registryPath must be a .yaml file inside the workspace folder; using entities.yaml');
    return this.host.join(folder, r.parts);
  }

  /** The registry's text as the editor sees it: the open document if any, else the file (null: none). */
  async source(): Promise<string | null> {
    const uri = this.location();
    if (!uri) return null;
    const open = this.host.openText(uri);
    if (open !== null) return normalizeText(open).text;
    return this.host.readText(uri);
  }

  /** Reads and parses the registry, then tells listeners. */
  async load(): Promise<void> {
    const uri = this.location();
    this.use(uri ? await this.host.readText(uri) : null);
  }

  /** Uses registry text just written or read, then tells listeners (only when it changed). */
  use(src: string | null): void {
    const text = src === null ? null : normalizeText(src).text;
    if (text === this.textRead) return;
    if (src === null) {
      this.textRead = null;
      this.idx = EMPTY_REGISTRY;
    } else {
      const r = parseRegistry(src);
      this.textRead = normalizeText(src).text;
      if (r.ok) {
        this.idx = new RegistryIndex(r.registry);
        this.host.log.info(`entity registry: ${r.registry.entities.length} entries`);
      } else {
        this.idx = EMPTY_REGISTRY;
        this.host.log.error(`the entity registry has problems and is ignored until they are fixed: ${r.problem.message}`);
        for (const d of r.problem.details) this.host.log.error(`  ${d}`);
      }
    }
    this.changed.fire();
  }

  /** All names of an entity: the registry's canonical name and aliases, or just the name. */
  namesOf(type: import('../types').EntityType, name: string): string[] {
    const names = this.idx.namesOf(type, name);
    return names.includes(name) ? names : [...names, name];
  }

  /** The registry entry of an entity and where its name is written. */
  definition(type: import('../types').EntityType, name: string): { uri: string; entry: RegistryEntity; text: string } | null {
    const entry = this.idx.resolve(type, name);
    const uri = this.location();
    return entry && uri && this.textRead !== null ? { uri, entry, text: this.textRead } : null;
  }
}
