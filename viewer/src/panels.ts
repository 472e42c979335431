// The details panel (entity or relation with its evidence) and the search box. All graph text goes in as text nodes.
import type { DocumentMeta, Evidence } from '../../src/types.js';
import { h, swatch, type Child } from './dom.js';
import { EDGE_FIELDS, fileAttributes, NODE_FIELDS, type EdgeAttrs, type KnowledgeGraph } from './load.js';
import type { SearchIndex } from './search.js';
import type { Selection } from './state.js';
import { relationColor } from './palette.js';
import { formatConfidence, plural, relationText, splitAroundTrigger } from './text.js';
import { evidenceSummary, groupEvidence, type EvidenceGroup } from './evidence.js';

export interface PanelContext {
  graph: KnowledgeGraph;
  documents: ReadonlyMap<string, DocumentMeta>;
  /** Changes the selection; `focus` also moves the camera to it. */
  select(selection: Selection | null, options?: { focus?: boolean }): void;
  /** True for relations the filters currently hide: the panel lists only what is on screen. */
  isEdgeHidden(edge: string): boolean;
}

/** Relations listed per direction before a "show more" button, so a hub does not build thousands of rows at once. */
const RELATIONS_PER_PAGE = 60;

const WIKIDATA_ID = /^Q\d+$/;

export interface DetailsPanel {
  show(selection: Selection | null): void;
}

/** The side panel: hidden when nothing is selected, otherwise the selected entity or relation. */
export function createDetailsPanel(panel: HTMLElement, app: HTMLElement, ctx: PanelContext): DetailsPanel {
  return {
    show(selection) {
      const content =
        selection === null
          ? null
          : selection.kind === 'node' && ctx.graph.hasNode(selection.key)
            ? renderNode(ctx, selection.key)
            : selection.kind === 'edge' && ctx.graph.hasEdge(selection.key)
              ? renderEdge(ctx, selection.key)
              : null;
      panel.replaceChildren();
      if (content === null) {
        panel.hidden = true;
        app.dataset.panel = 'closed';
        return;
      }
      panel.append(...content);
      panel.hidden = false;
      panel.scrollTop = 0;
      app.dataset.panel = 'open';
    },
  };
}

function panelHeader(ctx: PanelContext, kicker: Child[], title: string): HTMLElement {
  return h(
    'header',
    { class: 'panel-header' },
    h('p', { class: 'panel-kicker' }, ...kicker),
    h('h2', { class: 'panel-title' }, title),
    h('button', {
      class: 'panel-close',
      attrs: { type: 'button', 'aria-label': 'Close details' },
      title: 'Close (Esc)',
      onClick: () => ctx.select(null),
    }, '×'),
  );
}

function renderNode(ctx: PanelContext, key: string): HTMLElement[] {
  const attrs = ctx.graph.getNodeAttributes(key);
  const wikidata = wikidataId(key, attrs.wikidata);
  const facts = h(
    'dl',
    { class: 'facts' },
    fact('Type', attrs.type),
    fact('Mentions', String(attrs.mentions)),
    wikidata !== null &&
      fact(
        'Wikidata',
        h('a', {
          class: 'external',
          attrs: { href: `https://www.wikidata.org/wiki/${wikidata}`, rel: 'noopener noreferrer', target: '_blank' },
        }, wikidata),
      ),
  );
  const parts: HTMLElement[] = [panelHeader(ctx, [swatch(attrs.color), attrs.type], attrs.label), facts];

  if (attrs.aliases.length > 0) {
    parts.push(
      h(
        'section',
        { class: 'panel-section aliases' },
        h('h3', { class: 'section-title' }, 'Also written as'),
        h('ul', { class: 'chips' }, ...attrs.aliases.map((alias) => h('li', { class: 'chip' }, alias))),
      ),
    );
  }

  // Directed edges out and in (a self-loop once, as outgoing), and undirected ones (graphs from other tools).
  const allOut = ctx.graph.outEdges(key);
  const allIn = ctx.graph.inEdges(key).filter((edge) => ctx.graph.source(edge) !== key);
  const allBoth = ctx.graph.undirectedEdges(key).filter((edge, i, list) => list.indexOf(edge) === i);
  const outgoing = allOut.filter((edge) => !ctx.isEdgeHidden(edge));
  const incoming = allIn.filter((edge) => !ctx.isEdgeHidden(edge));
  const both = allBoth.filter((edge) => !ctx.isEdgeHidden(edge));
  const shown = outgoing.length + incoming.length + both.length;
  const hidden = allOut.length + allIn.length + allBoth.length - shown;
  const relations = h(
    'section',
    { class: 'panel-section relations' },
    h('h3', { class: 'section-title' }, 'Relations ', h('span', { class: 'count' }, shown)),
  );
  if (hidden > 0) relations.append(h('p', { class: 'note' }, `${plural(hidden, 'relation is', 'relations are')} hidden by the filters.`));
  if (shown === 0 && hidden === 0) {
    relations.append(h('p', { class: 'empty' }, 'No relations were found for this entity.'));
  }
  // An entity without relations has no evidence to say where it comes from: the documents that name it do.
  if (allOut.length + allIn.length + allBoth.length === 0 && attrs.documents !== undefined && attrs.documents.length > 0) {
    relations.append(
      h(
        'p',
        { class: 'named-in' },
        'Named in ',
        ...attrs.documents.flatMap((id, i) => [i > 0 ? ', ' : '', h('cite', null, ctx.documents.get(id)?.title ?? id)]),
        '.',
      ),
    );
  }
  if (outgoing.length > 0) relations.append(directionBlock(ctx, 'Outgoing', 'out', outgoing, key));
  if (incoming.length > 0) relations.append(directionBlock(ctx, 'Incoming', 'in', incoming, key));
  if (both.length > 0) relations.append(directionBlock(ctx, 'Undirected', 'both', both, key));
  parts.push(relations);
  const other = otherAttributes(attrs, NODE_FIELDS);
  if (other !== null) parts.push(other);
  return parts;
}

/** A file's own attributes (Gephi's modularity class, a tooltip, …), as text, or null when it has none. */
function otherAttributes(attrs: Record<string, unknown>, known: ReadonlySet<string>): HTMLElement | null {
  const extras = fileAttributes(attrs, known);
  if (extras.length === 0) return null;
  return h(
    'section',
    { class: 'panel-section other-attributes' },
    h('h3', { class: 'section-title' }, 'Other attributes'),
    h('dl', { class: 'facts' }, ...extras.map(([name, value]) => fact(name, typeof value === 'string' ? value : JSON.stringify(value)))),
  );
}

/** Relations of one direction, grouped by relation type, each with the entity at the other end and its evidence. */
type Direction = 'out' | 'in' | 'both';

function directionBlock(ctx: PanelContext, title: string, direction: Direction, edges: string[], from: string, continued = false): HTMLElement {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const relation = ctx.graph.getEdgeAttribute(edge, 'relation');
    groups.set(relation, [...(groups.get(relation) ?? []), edge]);
  }
  const block = h(
    'div',
    { class: `direction direction-${direction}`, attrs: continued ? {} : { 'data-direction': direction } },
    !continued && h('h4', { class: 'direction-title' }, title),
  );
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
  let budget = RELATIONS_PER_PAGE;
  const rest: string[] = [];
  for (const [relation, groupEdges] of sorted) {
    const shown = groupEdges.slice(0, Math.max(0, budget));
    budget -= shown.length;
    rest.push(...groupEdges.slice(shown.length));
    if (shown.length === 0) continue;
    block.append(
      h(
        'section',
        { class: 'rel-group', attrs: { 'data-relation': relation } },
        h('h5', { class: 'rel-type' }, swatch(relationColor(relation), 'swatch-line'), relationText(ctx.graph.getEdgeAttributes(groupEdges[0]!))),
        ...shown.map((edge) => relationItem(ctx, edge, direction, from)),
      ),
    );
  }
  if (rest.length > 0) {
    const more = h('button', {
      class: 'more',
      attrs: { type: 'button' },
      onClick: () => more.replaceWith(directionBlock(ctx, title, direction, rest, from, true)),
    }, `Show ${plural(rest.length, 'more relation', 'more relations')}`);
    block.append(more);
  }
  return block;
}

const ARROWS: Record<Direction, [string, string]> = { out: ['→', 'to'], in: ['←', 'from'], both: ['—', 'with'] };

function relationItem(ctx: PanelContext, edge: string, direction: Direction, from: string): HTMLElement {
  const attrs = ctx.graph.getEdgeAttributes(edge);
  const other = direction === 'out' ? ctx.graph.target(edge) : direction === 'in' ? ctx.graph.source(edge) : ctx.graph.opposite(from, edge);
  return h(
    'article',
    { class: 'rel', attrs: { 'data-edge': edge } },
    h(
      'div',
      { class: 'rel-head' },
      h('span', { class: 'rel-arrow', attrs: { 'aria-label': ARROWS[direction][1] } }, ARROWS[direction][0]),
      nodeButton(ctx, other),
      ...flags(attrs),
      h('button', {
        class: 'rel-open',
        attrs: { type: 'button' },
        title: 'Show this relation',
        onClick: () => ctx.select({ kind: 'edge', key: edge }),
      }, evidenceSummary(attrs.evidence), ' ›'),
    ),
    evidenceList(ctx, attrs.evidence),
  );
}

function renderEdge(ctx: PanelContext, edge: string): HTMLElement[] {
  const attrs = ctx.graph.getEdgeAttributes(edge);
  const [source, target] = ctx.graph.extremities(edge);
  return [
    panelHeader(ctx, [swatch(relationColor(attrs.relation), 'swatch-line'), 'Relation'], relationText(attrs)),
    h('div', { class: 'edge-ends' }, nodeButton(ctx, source), h('span', { class: 'edge-arrow', attrs: { 'aria-hidden': 'true' } }, ctx.graph.isUndirected(edge) ? '—' : '→'), nodeButton(ctx, target)),
    h(
      'dl',
      { class: 'facts' },
      attrs.label !== attrs.relation && fact('Relation', attrs.relation),
      fact('Confidence', formatConfidence(attrs.confidence)),
      fact('Evidence', evidenceSummary(attrs.evidence)),
      (attrs.negated || attrs.hypothetical) && fact('Flags', h('span', null, ...flags(attrs))),
    ),
    h(
      'section',
      { class: 'panel-section' },
      h('h3', { class: 'section-title' }, 'Evidence ', h('span', { class: 'count' }, groupEvidence(attrs.evidence).length)),
      attrs.evidence.length === 0 ? h('p', { class: 'empty' }, 'This relation has no evidence sentences.') : evidenceList(ctx, attrs.evidence),
    ),
    otherAttributes(attrs, EDGE_FIELDS),
  ].filter((part): part is HTMLElement => part !== null);
}

/** Distinct sentences shown before a "show all" button: a long list is previewed, not built at once. */
const EVIDENCE_PREVIEW = 5;

/** A relation's evidence: one item per distinct sentence (with how often and where it was found), previewed. */
function evidenceList(ctx: PanelContext, evidence: Evidence[], all = false): HTMLElement {
  const groups = groupEvidence(evidence);
  const shown = all ? groups : groups.slice(0, EVIDENCE_PREVIEW);
  const list = h('ul', { class: 'evidence-list' }, ...shown.map((group) => evidenceItem(ctx, group)));
  if (shown.length < groups.length) {
    const more: HTMLButtonElement = h('button', {
      class: 'more',
      attrs: { type: 'button' },
      onClick: () => list.replaceWith(evidenceList(ctx, evidence, true)),
    }, `Show ${plural(groups.length - shown.length, 'more sentence', 'more sentences')}`);
    list.append(h('li', { class: 'evidence-more' }, more));
  }
  return list;
}

/** One evidence sentence with its trigger in a <mark>, and where it comes from. */
function evidenceItem(ctx: PanelContext, group: EvidenceGroup): HTMLElement {
  const evidence = group.first;
  const split = splitAroundTrigger(evidence.sentence, evidence.trigger);
  const sentence = h('blockquote', { class: 'sentence' });
  if (split === null) sentence.append(document.createTextNode(evidence.sentence));
  else sentence.append(document.createTextNode(split.before), h('mark', null, split.match), document.createTextNode(split.after));
  const doc = ctx.documents.get(evidence.document);
  return h(
    'li',
    { class: 'evidence' },
    sentence,
    h(
      'p',
      { class: 'evidence-meta' },
      h('span', { class: 'doc-id', title: 'Document id' }, evidence.document),
      doc?.title !== undefined && h('span', { class: 'doc-title' }, doc.title),
      doc?.date !== undefined && h('span', { class: 'doc-date' }, doc.date),
      evidence.extractor !== '' && h('span', { class: 'evidence-source', title: 'What found the relation: the extractor and the frame' }, evidence.frame ? `${evidence.extractor} · ${evidence.frame}` : evidence.extractor),
      group.count > 1 && h('span', { class: 'evidence-repeat', title: 'The same sentence, found more than once' }, `×${group.count}${group.documents.length > 1 ? ` in ${group.documents.length} documents` : ''}`),
    ),
  );
}

function nodeButton(ctx: PanelContext, key: string): HTMLButtonElement {
  const attrs = ctx.graph.getNodeAttributes(key);
  return h(
    'button',
    {
      class: 'node-link',
      attrs: { type: 'button', 'data-node': key },
      title: `Show ${attrs.label}`,
      onClick: () => ctx.select({ kind: 'node', key }, { focus: true }),
    },
    swatch(attrs.color),
    attrs.label,
  );
}

function flags(attrs: EdgeAttrs): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (attrs.negated) out.push(h('span', { class: 'flag flag-negated' }, 'negated'));
  if (attrs.hypothetical) out.push(h('span', { class: 'flag flag-hypothetical' }, 'hypothetical'));
  return out;
}

function fact(term: string, value: Child): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', null, term), h('dd', null, value));
}

/** A Wikidata item id for the entity, only when it is a well-formed `Q…` id (from its attribute, else its key). */
export function wikidataId(key: string, attribute: string | undefined): string | null {
  if (attribute !== undefined && WIKIDATA_ID.test(attribute)) return attribute;
  if (WIKIDATA_ID.test(key)) return key;
  return null;
}

/** The search combobox: suggestions while typing, arrows and Enter to choose, Escape to close. */
export function mountSearchBox(
  input: HTMLInputElement,
  list: HTMLUListElement,
  index: SearchIndex,
  onPick: (key: string) => void,
  signal: AbortSignal,
): void {
  let hits: ReturnType<SearchIndex['search']> = [];
  let active = -1;

  const close = (): void => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    hits = [];
    active = -1;
  };

  const setActive = (next: number): void => {
    active = next;
    list.querySelectorAll<HTMLLIElement>('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === active));
      if (i === active) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    });
  };

  const pick = (i: number): void => {
    const hit = hits[i];
    if (hit === undefined) return;
    input.value = hit.label;
    close();
    onPick(hit.key);
  };

  const render = (): void => {
    hits = index.search(input.value);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (input.value.trim() === '') {
      close();
      return;
    }
    list.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { class: 'search-empty', attrs: { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' } }, 'No matching entity')]
        : hits.map((hit, i) => {
            const option = h(
              'li',
              { class: 'search-option', attrs: { role: 'option', id: `search-option-${i}`, 'aria-selected': 'false', 'data-node': hit.key } },
              swatch(hit.color),
              h('span', { class: 'option-label' }, hit.label),
              hit.alias !== null && h('span', { class: 'option-alias' }, hit.alias),
              h('span', { class: 'option-type' }, hit.type),
            );
            // mousedown, not click: the input keeps focus and the list does not close first.
            option.addEventListener('mousedown', (event) => {
              event.preventDefault();
              pick(i);
            });
            return option;
          })),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('input', render, { signal });
  input.addEventListener(
    'focus',
    () => {
      if (input.value.trim() !== '') render();
    },
    { signal },
  );
  input.addEventListener('blur', close, { signal });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && list.hidden && input.value === '') {
      input.blur();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) render();
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      if (hits.length === 0) return;
      event.preventDefault();
      pick(active === -1 ? 0 : active);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (!list.hidden) close();
      else {
        input.value = '';
        input.dispatchEvent(new Event('input'));
      }
    }
  }, { signal });
}
