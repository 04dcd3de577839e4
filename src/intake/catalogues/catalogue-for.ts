import type { Language } from '../draft';
import type { Catalogue } from './catalogue';
import { en } from './en';
import { id } from './id';

const CATALOGUES: Record<Language, Catalogue> = { id, en };

export function catalogueFor(language: Language): Catalogue {
  return CATALOGUES[language];
}
