import type { NonEmptyString } from '../kernel/text.ts';

/**
 * Trims text typed by people and collapses inner runs of whitespace, so that two spellings of
 * one name or street do not differ by stray spaces. Non-blank text stays non-blank.
 */
export const tidyText = (text: NonEmptyString): NonEmptyString =>
  text.trim().replace(/\s+/g, ' ') as NonEmptyString;
