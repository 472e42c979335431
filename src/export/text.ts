// Lists and evidence as text for formats that hold only strings: readable forms, machine-readable twins, and recovery.
import { compareStrings } from '../graph/order.js';
import { copyEvidence } from '../graph/serialize.js';
import type { Evidence } from '../types.js';

// " | " reads well in Gephi's data table and spreadsheets while rarely occurring inside a name.
const LIST_SEPARATOR = ' | ';

/** A list as one readable string (`a | b | c`). */
export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

/**
 * A list back from text someone may have edited: a JSON array of strings, Gephi's `[a, b]` liststring
 * form, or the `a | b` form written here (separators with or without spaces). Empty items are dropped.
 */
export function splitList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return parsed as string[];
    } catch {
      // Not JSON: Gephi writes liststring values as `[a, b]` without quotes.
    }
    if (!trimmed.includes('|')) {
      return trimmed
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
  }
  return trimmed
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One line per evidence item: `[document] sentence «trigger» (extractor)`. */
export function flattenEvidence(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `[${e.document}] ${e.sentence} «${e.trigger}» (${e.extractor})`).join('\n');
}

/** The distinct documents an edge's evidence comes from, sorted. */
export function evidenceDocuments(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => e.document))].sort(compareStrings);
}

/**
 * JSON text that survives XML 1.0 unchanged: JSON.stringify already escapes control characters and lone
 * surrogates, and this escapes U+FFFE and U+FFFF too, the only other characters XML cannot carry.
 */
export function xmlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The machine-readable twin of the flattened text: the evidence array as JSON, fields in a fixed order. */
export function evidenceToJson(evidence: readonly Evidence[]): string {
  return xmlSafeJson(evidence.map(copyEvidence));
}

// Items are separated by a newline (or, in files whose newlines became spaces, a space) between one item's
// `» (extractor)` and the next item's `[document] `; a newline anywhere else belongs to a sentence.
const ITEM_SEPARATOR = /(?<=» \([^()\n]*\))[ \n](?=\[[^\]\n]*\] )/;
const ITEM = /^\[([^\]\n]*)\] ([\s\S]*) «([^«»]*)» \(([^()\n]*)\)$/;

/**
 * Evidence recovered from the readable text alone (a file edited in Gephi lost its JSON twin): document,
 * sentence, trigger and extractor come back; the character offsets do not, and are written 0..0, which no
 * real trigger has. Text not in the `[document] sentence «trigger» (extractor)` shape is kept as a sentence.
 */
export function recoverEvidence(text: string): Evidence[] {
  if (text.trim() === '') return [];
  return text.split(ITEM_SEPARATOR).map((item) => {
    const m = ITEM.exec(item);
    return m
      ? { document: m[1]!, sentence: m[2]!, start: 0, end: 0, trigger: m[3]!, extractor: m[4]! }
      : { document: '', sentence: item.trim(), start: 0, end: 0, trigger: '', extractor: 'import' };
  });
}

/** True for evidence whose character offsets were lost on the way (see recoverEvidence). */
export function hasUnknownOffsets(e: Evidence): boolean {
  return e.start === 0 && e.end === 0;
}
