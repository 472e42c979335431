import type { Entity, Mention, Sentence, Token } from '../types.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { LanguageResources, TitleEntry } from '../lang/index.js';
import type { NameCandidate } from '../mentions/index.js';
/** A person's office found in an appositive: "alliansens generalsekretær Jens Stoltenberg". */
export interface RoleFact {
    person: string;
    title: string;
    role: TitleEntry['role'];
    owner?: string;
    sentence: number;
    /** The title (or party code) token: the trigger of the leads / member_of relation. */
    trigger: Token;
}
export interface Resolution {
    /** Every mention with its entity key, sorted by position. */
    mentions: Mention[];
    entities: Entity[];
    roles: RoleFact[];
}
/** Lower-case ASCII slug used for entity keys of names the knowledge base does not know. */
export declare function slug(label: string): string;
/** Resolves knowledge-base mentions and name candidates of a document into entities. */
export declare function resolveDocument(text: string, sentences: Sentence[], kbMentions: Mention[], candidates: {
    sentence: number;
    candidate: NameCandidate;
}[], kb: KnowledgeBase, lang: LanguageResources): Resolution;
export declare function compareStrings(a: string, b: string): number;
