// Seeded generator of graph files full of awkward text (quotes, &, <, newlines, emoji, RTL, control characters).
import { mulberry32 } from '../../src/random.js';
import { stripXmlForbidden } from '../../src/export/xml.js';
import { edgeKey } from '../../src/graph/build.js';
import {
  ENTITY_TYPES,
  LANGUAGES,
  ONTOLOGY_VERSION,
  RELATION_TYPES,
  type Evidence,
  type GraphFile,
  type SerializedEdge,
  type SerializedNode,
} from '../../src/types.js';

export const AWKWARD_TEXTS = [
  'plain',
  'NATO "Alliance" & <friends>',
  "it's 'single' quoted",
  'line one\nline two\r\nline three\rend',
  '\ttabbed\t',
  '  leading and trailing spaces  ',
  '🇳🇴 😀 👩‍👩‍👧 emoji',
  'العراق و עברית right-to-left',
  'control \u0001\u0008\u000b\u000c\u001f\u007f chars',
  'lone \uD800 high and \uDC00 low surrogates',
  'non-characters \uFFFE\uFFFF',
  ']]> CDATA end and <![CDATA[ start',
  '&amp; already escaped &#10; &lt;',
  '«guillemets» (parens) [brackets] | pipe , comma ; semicolon',
  '=SUM(A1:A2) formula',
  '-minus start',
  'back\\slash `tick` $dollar {brace}',
  '',
];

/** A graph file of `nodes` nodes with awkward labels, aliases, evidence and metadata; same seed, same graph. */
export function awkwardGraph(seed: number, nodeCount = 12, edgeCount = 24): GraphFile {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const text = () => pick(AWKWARD_TEXTS);
  const round4 = (n: number) => Math.round(n * 1e4) / 1e4 || 0;

  const documents = Array.from({ length: 3 }, (_, i) => ({
    id: `doc-${i}-${text()}`,
    language: pick(LANGUAGES),
    path: `corpus/${text()}.txt`,
    title: text(),
    ...(random() < 0.5 ? { date: '2020-02-13' } : {}),
  }));

  const nodes: SerializedNode[] = Array.from({ length: nodeCount }, (_, i) => {
    const type = pick(ENTITY_TYPES);
    return {
      // The index keeps keys distinct even after XML drops the characters it cannot carry.
      key: `n${i}-${text()}`,
      attributes: {
        label: text(),
        type,
        aliases: [...new Set([text(), text(), text()])],
        mentions: Math.floor(random() * 20),
        ...(random() < 0.5 ? { wikidata: `Q${Math.floor(random() * 1e6)}` } : {}),
        x: round4((random() * 2 - 1) * 1000),
        y: round4((random() * 2 - 1) * 1000),
        size: round4(1 + random() * 29),
        color: `#${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`,
        ...(random() < 0.3 ? { community: Math.floor(random() * 5) } : {}),
      },
    };
  });

  const edges = new Map<string, SerializedEdge>();
  for (let attempt = 0; edges.size < edgeCount && attempt < edgeCount * 10; attempt++) {
    const source = pick(nodes).key;
    const target = pick(nodes).key;
    const relation = pick(RELATION_TYPES);
    if (source === target) continue;
    const key = edgeKey(source, relation, target);
    if (edges.has(key)) continue;
    const evidence: Evidence[] = Array.from({ length: Math.floor(random() * 4) }, () => {
      const start = Math.floor(random() * 5000);
      return {
        document: pick(documents).id,
        sentence: `${text()} ${text()}`,
        start,
        end: start + 1 + Math.floor(random() * 30),
        trigger: text(),
        extractor: pick(['rules', 'ner', text()]),
      };
    });
    const negated = random() < 0.2;
    edges.set(key, {
      key,
      source,
      target,
      attributes: {
        relation,
        label: random() < 0.8 ? relation.replaceAll('_', ' ') : text(),
        weight: evidence.length > 0 ? evidence.length : round4(random() * 5),
        confidence: round4(random()),
        negated,
        hypothetical: !negated && random() < 0.2,
        evidence,
      },
    });
  }

  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: { name: `awkward ${seed} ${text()}`, generator: `kg-test ${text()}`, ontology: ONTOLOGY_VERSION, documents },
    nodes,
    edges: [...edges.values()],
  };
}

/**
 * What an XML round trip must give back: everything, except that node keys, labels and Wikidata ids and
 * edge labels lose the characters XML 1.0 cannot carry (their JSON twins keep aliases, evidence and metadata whole).
 */
export function afterXml(file: GraphFile): GraphFile {
  const strip = stripXmlForbidden;
  return {
    ...file,
    nodes: file.nodes.map((node) => ({
      key: strip(node.key),
      attributes: {
        ...node.attributes,
        label: strip(node.attributes.label),
        ...(node.attributes.wikidata === undefined ? {} : { wikidata: strip(node.attributes.wikidata) }),
      },
    })),
    edges: file.edges.map((edge) => ({
      key: edgeKey(strip(edge.source), edge.attributes.relation, strip(edge.target)),
      source: strip(edge.source),
      target: strip(edge.target),
      attributes: { ...edge.attributes, label: strip(edge.attributes.label) },
    })),
  };
}
