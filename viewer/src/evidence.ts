// Evidence as a reader counts it: one sentence found by two triggers, or repeated in copies of one article, is
// one item with a count; relations say how many distinct sentences and documents back them.
import type { Evidence } from '../../src/types.js';

/** One distinct sentence of a relation's evidence, with every item that quotes it. */
export interface EvidenceGroup {
  /** The first item (in the order given): its sentence, trigger and document are shown. */
  first: Evidence;
  /** How many evidence items quote this sentence. */
  count: number;
  /** The documents it appears in, in the order first seen. */
  documents: string[];
}

/** Groups evidence by sentence text (whitespace folded), keeping the order of first appearance. */
export function groupEvidence(evidence: readonly Evidence[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const item of evidence) {
    const key = item.sentence.replace(/\s+/g, ' ').trim();
    const group = groups.get(key);
    if (!group) groups.set(key, { first: item, count: 1, documents: [item.document] });
    else {
      group.count++;
      if (!group.documents.includes(item.document)) group.documents.push(item.document);
    }
  }
  return [...groups.values()];
}

/** "3 sentences in 2 documents", "1 sentence" (one document): what backs a relation, counted as a reader would. */
export function evidenceSummary(evidence: readonly Evidence[]): string {
  const sentences = groupEvidence(evidence).length;
  const documents = new Set(evidence.map((e) => e.document)).size;
  const s = `${sentences} ${sentences === 1 ? 'sentence' : 'sentences'}`;
  return documents > 1 ? `${s} in ${documents} documents` : s;
}
