// The data types every stage shares, and the graph file contract (GRAPH_FORMAT.md) written down once:
// the core, the exporters and the viewer (type-only import) all use these.

/** Version of ONTOLOGY.md the type ids below come from. */
export const ONTOLOGY_VERSION = '1.0';

export const ENTITY_TYPES = [
  'person',
  'organization',
  'country',
  'location',
  'event',
  'agreement',
  'weapon',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'trains',
  'supports',
  'negotiates_with',
  'meets',
  'cooperates_with',
  'agrees_with',
  'invites',
  'deployed_in',
  'withdraws_from',
  'demands',
  'criticizes',
  'rejects',
  'threatens',
  'sanctions',
  'violates',
  'fights',
  'attacks',
  'expels',
  'deploys',
  'leads',
  'member_of',
  'located_in',
  // An edge read from another tool whose relation is none of the above (ONTOLOGY.md): it keeps its own
  // label; extraction never produces it.
  'related',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations that hold in both directions; stored with the subject/object order they were found in. */
export const SYMMETRIC_RELATIONS: readonly RelationType[] = [
  'negotiates_with',
  'meets',
  'cooperates_with',
  'agrees_with',
];

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MENTION_SOURCES = ['kb', 'ner', 'pattern', 'coref'] as const;
export type MentionSource = (typeof MENTION_SOURCES)[number];

/** One input text. Offsets everywhere else point into `text`. */
export interface Document {
  id: string;
  text: string;
  language: Language;
  title?: string;
  date?: string;
  url?: string;
  path?: string;
}

/** What the graph keeps of a document (everything but the text). */
export interface DocumentMeta {
  id: string;
  language: Language;
  path?: string;
  title?: string;
  date?: string;
  url?: string;
  /** sha256 of the text, hex: lets incremental builds skip unchanged documents. */
  hash?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  /** The surface form, exactly `document.text.slice(start, end)`. */
  text: string;
  /** Lower-cased, NFC form used for lookups. */
  norm: string;
  /** Index of the token in its sentence. */
  index: number;
}

export interface Sentence extends Span {
  index: number;
  tokens: Token[];
  /** One entry per token from the syntax stage (src/syntax), when a model for the language was given. */
  syntax?: SyntaxWord[];
}

/** What the syntax stage gives a token: UD's UPOS and FEATS, the treebank's tag, and the dependency tree. */
export interface SyntaxWord {
  lemma: string;
  upos: string;
  /** The treebank's own tag (EWT's Penn tag; NDT's `subst`, `verb`, ...). */
  xpos: string;
  /** Universal Dependencies features, `_` when none. */
  feats: string;
  /** 1-based index of the head token in the sentence, 0 for the root. */
  head: number;
  /** The relation to the head, in the model's scheme (`scheme` of the model: UD or NDT). */
  deprel: string;
}

/** A span of text that names (or refers to) something. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  source: MentionSource;
  /** Index of the sentence the mention is in. */
  sentence: number;
  /** First and last (inclusive) token index of the mention in its sentence. */
  tokenStart: number;
  tokenEnd: number;
  /** Knowledge-base id when the mention is linked to a known entity. */
  kbId?: string;
  /** How the mention was written: a name, a genitive, a demonym adjective, a role noun, a pronoun. */
  form: 'name' | 'genitive' | 'demonym' | 'role' | 'pronoun';
  /** Key of the entity the mention was resolved to (set by resolve/). */
  entity?: string;
}

/** One real-world thing found in a document. */
export interface Entity {
  /** Content-derived key: the KB id, or a slug of the canonical label. */
  key: string;
  label: string;
  type: EntityType;
  aliases: string[];
  wikidata?: string;
  mentions: Mention[];
}

export interface Evidence {
  document: string;
  sentence: string;
  /** Character span of the trigger in the document. */
  start: number;
  end: number;
  trigger: string;
  extractor: string;
  /** The frame that found the relation (`tree` extractor): `language:pos:lemma:relation`, or a title/place rule. */
  frame?: string;
}

export interface Relation {
  subject: string;
  relation: RelationType;
  object: string;
  confidence: number;
  negated: boolean;
  hypothetical: boolean;
  evidence: Evidence[];
}

/** What extraction returns for one document. */
export interface DocumentExtraction {
  document: DocumentMeta;
  entities: Entity[];
  relations: Relation[];
}

// ---- graph file attributes (GRAPH_FORMAT.md) ----

export interface GraphAttributes {
  name: string;
  generator: string;
  ontology: string;
  documents: DocumentMeta[];
}

export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  wikidata?: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community?: number;
  /** Ids of the documents that name the entity; only on entities without relations (the others' are in their evidence). */
  documents?: string[];
}

export interface EdgeAttributes {
  relation: RelationType;
  label: string;
  weight: number;
  confidence: number;
  negated: boolean;
  hypothetical: boolean;
  evidence: Evidence[];
}

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  /** graphology's mark of an undirected edge (in an undirected or mixed graph); absent on directed ones. */
  undirected?: true;
}

/** graphology's graph options. What kg builds is directed, multi, without self-loops; graphs read from elsewhere keep theirs. */
export interface GraphOptions {
  type: 'directed' | 'undirected' | 'mixed';
  multi: boolean;
  allowSelfLoops: boolean;
}

/** The options of every graph kg builds from text. */
export const KG_GRAPH_OPTIONS: Readonly<GraphOptions> = Object.freeze({ type: 'directed', multi: true, allowSelfLoops: false });

/**
 * The graph file: graphology's serialisation. Node and edge attributes may carry, after the ones above,
 * attributes kg does not know (read from other tools' files): kept as JSON values and written out again.
 */
export interface GraphFile {
  options: GraphOptions;
  attributes: GraphAttributes;
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

/** Fixed palette, one colour per entity type (used by layout, viewer and exporters). */
export const TYPE_COLORS: Record<EntityType, string> = {
  person: '#d62728',
  organization: '#1f77b4',
  country: '#2ca02c',
  location: '#17becf',
  event: '#9467bd',
  agreement: '#ff7f0e',
  weapon: '#8c564b',
  other: '#7f7f7f',
};
