// Pure text helpers of the viewer: search folding, finding a trigger in its sentence, display names of relations.

/** Letters that NFD does not decompose but a reader treats as accented forms of a base letter. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Case- and accent-insensitive form of a string, for matching search input against labels and aliases. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TriggerSplit {
  before: string;
  match: string;
  after: string;
}

/**
 * Splits a sentence around the first occurrence of its trigger, found by text (the evidence offsets point
 * into the document, not the sentence). Prefers a whole-word match, then any exact match, then a
 * case-insensitive one; null when the trigger is not in the sentence.
 */
export function splitAroundTrigger(sentence: string, trigger: string): TriggerSplit | null {
  if (trigger === '' || sentence === '') return null;
  const at = findTrigger(sentence, trigger);
  if (at === -1) return null;
  return {
    before: sentence.slice(0, at),
    match: sentence.slice(at, at + trigger.length),
    after: sentence.slice(at + trigger.length),
  };
}

function findTrigger(sentence: string, trigger: string): number {
  let firstExact = -1;
  for (let at = sentence.indexOf(trigger); at !== -1; at = sentence.indexOf(trigger, at + 1)) {
    if (firstExact === -1) firstExact = at;
    if (isWordBoundary(sentence, at - 1) && isWordBoundary(sentence, at + trigger.length)) return at;
  }
  if (firstExact !== -1) return firstExact;
  const wanted = trigger.toLowerCase();
  for (let at = 0; at + trigger.length <= sentence.length; at++) {
    if (sentence.slice(at, at + trigger.length).toLowerCase() === wanted) return at;
  }
  return -1;
}

function isWordBoundary(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text.charAt(index));
}

/** Display text of a relation: its label, or the relation id made readable (`negotiates_with` → `negotiates with`) when the label is just the id. */
export function relationText(attrs: { relation: string; label: string }): string {
  return attrs.label === attrs.relation ? attrs.relation.replace(/_/g, ' ') : attrs.label;
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
