// Language detection by function words: Bokmål, Nynorsk or English, enough to pick the right resources.
import type { Language } from '../types.js';

const MARKERS: Record<Language, string[]> = {
  nb: ['og', 'ikke', 'det', 'som', 'er', 'jeg', 'hva', 'hvordan', 'fra', 'etter', 'mot', 'sier', 'også', 'ble', 'blir', 'har', 'med', 'av', 'til', 'en', 'et', 'på', 'vil', 'skal', 'kan', 'at', 'de', 'seg', 'sin', 'sitt', 'nå', 'når', 'hvor', 'hun'],
  nn: ['og', 'ikkje', 'det', 'som', 'er', 'eg', 'kva', 'korleis', 'frå', 'etter', 'mot', 'seier', 'òg', 'vart', 'blir', 'har', 'med', 'av', 'til', 'ein', 'eit', 'på', 'vil', 'skal', 'kan', 'at', 'dei', 'seg', 'sin', 'sitt', 'no', 'når', 'kvar', 'ho'],
  en: ['the', 'and', 'not', 'of', 'is', 'was', 'to', 'in', 'that', 'with', 'for', 'on', 'by', 'said', 'says', 'has', 'have', 'from', 'against', 'will', 'would', 'its', 'their', 'be', 'been', 'are', 'were', 'this', 'which', 'who'],
};
const NN_ONLY = new Set(['ikkje', 'eg', 'kva', 'korleis', 'frå', 'seier', 'òg', 'vart', 'ein', 'eit', 'dei', 'ho', 'kvar', 'berre', 'mykje', 'difor']);
const MARKER_SETS = { nb: new Set(MARKERS.nb), nn: new Set(MARKERS.nn), en: new Set(MARKERS.en) };
const NB_ONLY = new Set(['ikke', 'jeg', 'hva', 'hvordan', 'fra', 'sier', 'også', 'ble', 'en', 'et', 'de', 'nå', 'hun', 'hvor', 'bare', 'mye', 'derfor']);

/** Detects the language of a text from its most frequent function words; Bokmål when unsure. */
export function detectLanguage(text: string): Language {
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  const score: Record<Language, number> = { nb: 0, nn: 0, en: 0 };
  const sets = MARKER_SETS;
  let nnOnly = 0;
  let nbOnly = 0;
  for (const w of words) {
    for (const l of ['nb', 'nn', 'en'] as const) if (sets[l].has(w)) score[l]++;
    if (NN_ONLY.has(w)) nnOnly++;
    if (NB_ONLY.has(w)) nbOnly++;
  }
  if (score.en > Math.max(score.nb, score.nn) * 1.2) return 'en';
  if (nnOnly > nbOnly && nnOnly >= 2) return 'nn';
  return 'nb';
}
