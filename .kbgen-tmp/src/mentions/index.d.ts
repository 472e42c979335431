import type { EntityType, Mention, Sentence, Token } from '../types.js';
import type { LanguageResources } from '../lang/index.js';
import { type AliasIndex } from './kbindex.js';
export declare function isCapitalised(t: Token): boolean;
/** Is token i at the start of a sentence, a quote or a dialogue line (where capitals say nothing)? */
export declare function isSentenceInitial(tokens: Token[], i: number): boolean;
/** Knowledge-base mentions of one sentence, longest match first, compounds split at hyphens. */
export declare function findKbMentions(sentence: Sentence, index: AliasIndex): Mention[];
/** A capitalised span that no knowledge-base entry covers, with the cue that typed it. */
export interface NameCandidate {
    tokenStart: number;
    tokenEnd: number;
    genitive: boolean;
    type: EntityType;
    /** How sure the typing is: 2 = an explicit cue (title, appositive, party code), 1 = weaker context. */
    evidence: number;
}
/**
 * Unknown names in one sentence: runs of capitalised words that are not knowledge-base mentions,
 * not sentence-initial common words, not titles; typed from the words around them.
 */
export declare function findNameCandidates(sentence: Sentence, taken: ReadonlySet<number>, lang: LanguageResources, docCapitalised: ReadonlyMap<string, number>, docLowercase: ReadonlySet<string>): NameCandidate[];
