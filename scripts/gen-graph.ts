// Seeded generator of large graph files (GRAPH_FORMAT.md) for benchmarks and viewer tests:
// `node dist/scripts/gen-graph.js --nodes 10000 --edges 50000 --seed 1 -o graph.json`.
import { mulberry32 } from '../src/random.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTITY_TYPES, ONTOLOGY_VERSION, RELATION_TYPES, TYPE_COLORS } from '../src/types.js';
import type { DocumentMeta, EntityType, Evidence, GraphFile, RelationType, SerializedEdge, SerializedNode } from '../src/types.js';

export interface GenerateOptions {
  nodes: number;
  edges: number;
  seed: number;
  /** Number of source documents the evidence is spread over. */
  documents?: number;
}

/** Entity types in rough proportion to what news text gives. */
const TYPE_WEIGHTS: Record<EntityType, number> = {
  person: 30,
  organization: 22,
  country: 8,
  location: 18,
  event: 7,
  agreement: 5,
  weapon: 4,
  other: 6,
};

const SYLLABLES = ['ka', 'ro', 'mi', 'sa', 'tel', 'vor', 'an', 'ne', 'lu', 'bri', 'den', 'os', 'ira', 'ko', 'sten', 'ul', 'ha', 'fje', 'mar', 'ti', 'lé', 'zo', 'bø', 'rå'];
const CUES: Partial<Record<RelationType, string>> = {
  trains: 'treningsoppdrag',
  supports: 'støtte',
  negotiates_with: 'samtaler',
  meets: 'møtte',
  cooperates_with: 'samarbeid',
  invites: 'invitasjon',
  criticizes: 'kritiserte',
  attacks: 'angrep',
  deploys: 'utplasserte',
  leads: 'leder',
};

/** The project's mulberry32: the same output from the same seed on every machine. */
const rng = mulberry32;

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** A generated graph file: clustered positions (no layout needed), typed nodes with aliases, typed edges with evidence. */
export function generateGraph(options: GenerateOptions): GraphFile {
  const { nodes: nodeCount, edges: edgeCount, seed } = options;
  const documentCount = Math.max(1, options.documents ?? Math.min(40, Math.ceil(nodeCount / 250)));
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const typeBag: EntityType[] = ENTITY_TYPES.flatMap((type) => Array<EntityType>(TYPE_WEIGHTS[type]).fill(type));
  const documents: DocumentMeta[] = Array.from({ length: documentCount }, (_, i) => ({
    id: `doc-${String(i + 1).padStart(3, '0')}`,
    language: 'nb',
    title: `Generated article ${i + 1}`,
    date: `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  }));

  // Communities of ~150 nodes on a wide disc; members scattered around their centre.
  const communityCount = Math.max(1, Math.round(nodeCount / 150));
  const centres = Array.from({ length: communityCount }, () => {
    const angle = random() * Math.PI * 2;
    const radius = Math.sqrt(random()) * 1000;
    return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
  });
  const members: number[][] = centres.map(() => []);

  const width = String(nodeCount).length;
  const names = new Set<string>();
  const nodes: SerializedNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = pick(typeBag);
    let label = '';
    do {
      const parts = 1 + Math.floor(random() * 2);
      label = Array.from({ length: parts }, () => {
        const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
        return word.charAt(0).toUpperCase() + word.slice(1);
      }).join(' ');
    } while (names.has(label));
    names.add(label);
    const community = Math.floor(random() * communityCount);
    members[community]!.push(i);
    const centre = centres[community]!;
    const aliases = [label.toUpperCase(), `${label}s`].slice(0, 1 + Math.floor(random() * 2)).sort();
    const attributes: SerializedNode['attributes'] = {
      label,
      type,
      aliases,
      mentions: 1 + Math.floor(-Math.log(1 - random()) * 4),
      x: round(centre.x + gaussian() * 45),
      y: round(centre.y + gaussian() * 45),
      size: 5,
      color: TYPE_COLORS[type],
      community,
    };
    if (random() < 0.3) attributes.wikidata = `Q${1000 + Math.floor(random() * 9_000_000)}`;
    nodes.push({ key: `n${String(i).padStart(width, '0')}`, attributes });
  }

  // Mostly edges inside a community, some across; one edge per (source, relation, target).
  const seen = new Set<string>();
  const degree = new Array<number>(nodeCount).fill(0);
  const edges: SerializedEdge[] = [];
  const maxEdges = nodeCount * (nodeCount - 1) * RELATION_TYPES.length;
  const target = Math.min(edgeCount, maxEdges);
  while (edges.length < target) {
    const community = members[Math.floor(random() * communityCount)]!;
    if (community.length === 0) continue;
    const s = pick(community);
    const t = random() < 0.85 && community.length > 1 ? pick(community) : Math.floor(random() * nodeCount);
    if (s === t) continue;
    const relation = pick(RELATION_TYPES);
    const source = nodes[s]!;
    const targetNode = nodes[t]!;
    const key = `${source.key}->${relation}->${targetNode.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    degree[s]!++;
    degree[t]!++;
    const weight = 1 + Math.floor(-Math.log(1 - random()) * 0.8);
    const evidence: Evidence[] = [];
    for (let k = 0; k < weight; k++) {
      const trigger = CUES[relation] ?? relation.replace(/_/g, ' ');
      const sentence = `${source.attributes.label} og ${targetNode.attributes.label}: ifølge kildene var det ${trigger} mellom partene i perioden.`;
      const start = Math.floor(random() * 5000);
      evidence.push({
        document: pick(documents).id,
        sentence,
        start,
        end: start + trigger.length,
        trigger,
        extractor: 'rules',
      });
    }
    edges.push({
      key,
      source: source.key,
      target: targetNode.key,
      attributes: {
        relation,
        label: relation,
        weight,
        confidence: round(0.5 + random() * 0.5),
        negated: false,
        hypothetical: false,
        evidence,
      },
    });
  }
  for (let i = 0; i < nodeCount; i++) nodes[i]!.attributes.size = round(4 + Math.sqrt(degree[i]!) * 1.6);

  return {
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    attributes: {
      name: `generated-${nodeCount}-${edgeCount}-seed${seed}`,
      generator: 'kg-builder gen-graph',
      ontology: ONTOLOGY_VERSION,
      documents,
    },
    nodes,
    edges,
  };
}

function parseArgs(argv: string[]): GenerateOptions & { output: string | null } {
  const options: GenerateOptions & { output: string | null } = { nodes: 10_000, edges: 50_000, seed: 1, output: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} expects a whole number >= 0, got ${String(value)}`);
      i++;
      return n;
    };
    if (flag === '--nodes') options.nodes = number();
    else if (flag === '--edges') options.edges = number();
    else if (flag === '--seed') options.seed = number();
    else if (flag === '--documents') options.documents = number();
    else if (flag === '-o' || flag === '--output') {
      if (value === undefined) throw new Error(`${flag} expects a file name`);
      options.output = value;
      i++;
    } else throw new Error(`unknown option ${flag} (use --nodes N --edges M --seed S [--documents D] -o FILE)`);
  }
  return options;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { output, ...options } = parseArgs(process.argv.slice(2));
    const json = `${JSON.stringify(generateGraph(options))}\n`;
    if (output === null) process.stdout.write(json);
    else writeFileSync(output, json);
  } catch (error) {
    process.stderr.write(`gen-graph: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
