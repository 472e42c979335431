// Reads a GEXF file (ours or Gephi's, 1.2 or 1.3) into the graph-file shape with the browser's DOMParser,
// which never loads external entities or runs anything; the result then goes through validateGraphFile.

const LIST_SEPARATOR = ' | ';
/** How our GEXF export flattens one evidence item: `[document] sentence «trigger» (extractor)`. */
const EVIDENCE_LINE = /^\[([^\]]*)\] ([\s\S]*) «([^»]*)» \(([^()]*)\)$/;

type Raw = Record<string, unknown>;

/** A plain object like a graph file (not yet validated) from GEXF text; throws on malformed XML. */
export function gexfToGraphObject(text: string, fallbackName: string, parser: DOMParser = new DOMParser()): Raw {
  const doc = parser.parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('the GEXF file is not well-formed XML');
  const root = doc.documentElement;
  if (root.localName !== 'gexf') throw new Error('the file is not GEXF (no <gexf> root element)');
  const graph = children(root, 'graph')[0];
  if (graph === undefined) throw new Error('the GEXF file has no <graph> element');

  const titles = new Map<string, string>();
  for (const block of children(graph, 'attributes')) {
    for (const attribute of children(block, 'attribute')) {
      const id = attribute.getAttribute('id');
      if (id !== null) titles.set(`${block.getAttribute('class') ?? 'node'}:${id}`, attribute.getAttribute('title') ?? id);
    }
  }
  const values = (element: Element, cls: string): Map<string, string> => {
    const out = new Map<string, string>();
    for (const block of children(element, 'attvalues')) {
      for (const value of children(block, 'attvalue')) {
        const id = value.getAttribute('for') ?? value.getAttribute('id');
        if (id !== null) out.set(titles.get(`${cls}:${id}`) ?? id, value.getAttribute('value') ?? '');
      }
    }
    return out;
  };

  const documents = new Set<string>();
  const nodes: Raw[] = [];
  for (const block of children(graph, 'nodes')) {
    for (const node of children(block, 'node')) {
      const key = node.getAttribute('id');
      if (key === null) continue;
      const v = values(node, 'node');
      const attributes: Raw = { label: node.getAttribute('label') ?? key };
      if (v.has('type')) attributes.type = v.get('type');
      attributes.aliases = splitList(v.get('aliases'));
      if (v.has('mentions')) attributes.mentions = Number(v.get('mentions'));
      if (v.has('wikidata')) attributes.wikidata = v.get('wikidata');
      if (v.has('community')) attributes.community = Number(v.get('community'));
      const color = children(node, 'color')[0];
      if (color !== undefined) attributes.color = colorOf(color);
      const position = children(node, 'position')[0];
      if (position !== undefined) {
        attributes.x = Number(position.getAttribute('x'));
        attributes.y = Number(position.getAttribute('y'));
      }
      const size = children(node, 'size')[0];
      if (size !== undefined) attributes.size = Number(size.getAttribute('value'));
      nodes.push({ key, attributes });
    }
  }

  const edges: Raw[] = [];
  for (const block of children(graph, 'edges')) {
    for (const edge of children(block, 'edge')) {
      const v = values(edge, 'edge');
      const relation = v.get('relation') ?? edge.getAttribute('kind') ?? edge.getAttribute('label') ?? 'related';
      const evidence = (v.get('evidence') ?? '')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map(parseEvidenceLine);
      for (const item of evidence) if (item.document !== '') documents.add(item.document);
      for (const doc of splitList(v.get('documents'))) documents.add(doc);
      const weight = edge.getAttribute('weight');
      const attributes: Raw = {
        relation,
        label: edge.getAttribute('label') ?? relation,
        weight: weight === null ? Math.max(1, evidence.length) : Number(weight),
        evidence,
      };
      if (v.has('confidence')) attributes.confidence = Number(v.get('confidence'));
      attributes.negated = v.get('negated') === 'true';
      attributes.hypothetical = v.get('hypothetical') === 'true';
      edges.push({ key: edge.getAttribute('id') ?? undefined, source: edge.getAttribute('source'), target: edge.getAttribute('target'), attributes });
    }
  }

  const description = children(children(root, 'meta')[0] ?? root, 'description')[0]?.textContent ?? '';
  const colon = description.indexOf(':');
  return {
    attributes: {
      name: colon > 0 ? description.slice(0, colon) : fallbackName,
      generator: children(children(root, 'meta')[0] ?? root, 'creator')[0]?.textContent ?? '',
      ontology: '',
      documents: [...documents].sort().map((id) => ({ id, language: 'nb' })),
    },
    nodes,
    edges,
  };
}

/** One flattened evidence line back into its parts; a line in another shape becomes the sentence. */
export function parseEvidenceLine(line: string): { document: string; sentence: string; trigger: string; extractor: string } {
  const match = EVIDENCE_LINE.exec(line);
  if (match === null) return { document: '', sentence: line, trigger: '', extractor: '' };
  return { document: match[1]!, sentence: match[2]!, trigger: match[3]!, extractor: match[4]! };
}

function splitList(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(LIST_SEPARATOR);
}

function colorOf(element: Element): string | undefined {
  const hex = element.getAttribute('hex');
  if (hex !== null && /^#[0-9a-f]{6}$/i.test(hex)) return hex.toLowerCase();
  const channel = (name: string): string => {
    const n = Math.max(0, Math.min(255, Math.round(Number(element.getAttribute(name)))));
    return (Number.isFinite(n) ? n : 0).toString(16).padStart(2, '0');
  };
  return `#${channel('r')}${channel('g')}${channel('b')}`;
}

/** Child elements by local name, whatever their namespace (GEXF 1.2 and 1.3 use different ones). */
function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === localName);
}
