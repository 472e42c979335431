// BIO tags: NorNE's entity types, the tag list a model predicts, and entity spans read from tag sequences
// the way conlleval reads them (an I- tag that does not continue a same-typed entity starts one).

/** NorNE's entity types, in the order the shipped model lists them. */
export const NORNE_TYPES = ['PER', 'ORG', 'LOC', 'GPE_LOC', 'GPE_ORG', 'PROD', 'EVT', 'DRV', 'MISC'] as const;
export type NorneType = (typeof NORNE_TYPES)[number];

/** An entity in a tagged sentence: tokens [start, end), end exclusive. */
export interface TagSpan {
  type: string;
  start: number;
  end: number;
}

const TAG_RE = /^(?:O|[BI]-[A-Za-z0-9_]+)$/;

/** Is this a well-formed IOB2 tag (`O`, `B-XXX`, `I-XXX`; types are letters, digits and `_`)? */
export function isTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/** The tag list of a model predicting `types`: `O`, then `B-`/`I-` of each type in order. */
export function tagList(types: readonly string[]): string[] {
  const out = ['O'];
  for (const t of types) out.push(`B-${t}`, `I-${t}`);
  return out;
}

/** Entity spans of a tag sequence, conlleval's way: a chunk starts at B-, or at I- after O or another type. */
export function tagsToSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let cur: TagSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O') {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const type = tag.slice(2);
    if (tag.charCodeAt(0) === 66 /* B */ || !cur || cur.type !== type) {
      if (cur) spans.push(cur);
      cur = { type, start: i, end: i + 1 };
    } else {
      cur.end = i + 1;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}
