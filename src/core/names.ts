/** Names of a text: entity recognition followed by name linking (the workspace index's analysis). */
import { linkEntities } from './entities/link';
import type { Lexicon } from './lexicon';
import { recognizeEntities } from './ner';
import type { Entity, EntityMention } from './types';

export function findNames(text: string, lexicon: Lexicon | undefined): { mentions: EntityMention[]; groups: Entity[] } {
  return linkEntities(text, recognizeEntities(text, lexicon ? { lexicon } : {}));
}
