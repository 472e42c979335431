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
];
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
];
/** Relations that hold in both directions; stored with the subject/object order they were found in. */
export const SYMMETRIC_RELATIONS = [
    'negotiates_with',
    'meets',
    'cooperates_with',
    'agrees_with',
];
export const LANGUAGES = ['nb', 'nn', 'en'];
export const MENTION_SOURCES = ['kb', 'ner', 'pattern', 'coref'];
/** Fixed palette, one colour per entity type (used by layout, viewer and exporters). */
export const TYPE_COLORS = {
    person: '#d62728',
    organization: '#1f77b4',
    country: '#2ca02c',
    location: '#17becf',
    event: '#9467bd',
    agreement: '#ff7f0e',
    weapon: '#8c564b',
    other: '#7f7f7f',
};
