// The filter sidebar: entity and relation type checkboxes that are also the colour legends, minimum evidence,
// documents, "hide isolated", each with counts. It only reads and writes filters; the view follows the store.
import { ENTITY_TYPES, TYPE_COLORS } from '../../src/types.js';
import type { DocumentMeta } from '../../src/types.js';
import { h, swatch } from './dom.js';
import type { Count, Visibility } from './filters.js';
import type { KnowledgeGraph } from './load.js';
import { toggled, type Filters } from './state.js';
import { relationColor } from './palette.js';
import { plural, relationText } from './text.js';

export interface SidebarContext {
  graph: KnowledgeGraph;
  documents: readonly DocumentMeta[];
  setFilters(update: (filters: Filters) => Filters): void;
}

export interface Sidebar {
  update(filters: Filters, visibility: Visibility): void;
}

interface Row {
  input: HTMLInputElement;
  count: HTMLElement;
  item: HTMLElement;
}

function countText(count: Count | undefined): string {
  if (count === undefined) return '0';
  return count.visible === count.total ? String(count.total) : `${count.visible}/${count.total}`;
}

export function createSidebar(root: HTMLElement, ctx: SidebarContext): Sidebar {
  const typeCounts = new Map<string, number>();
  const relationLabels = new Map<string, string>();
  let maxWeight = 1;
  ctx.graph.forEachNode((_key, attrs) => typeCounts.set(attrs.type, (typeCounts.get(attrs.type) ?? 0) + 1));
  ctx.graph.forEachEdge((_key, attrs) => {
    if (!relationLabels.has(attrs.relation)) relationLabels.set(attrs.relation, relationText(attrs));
    if (attrs.weight > maxWeight) maxWeight = attrs.weight;
  });
  const types = [...ENTITY_TYPES.filter((type) => typeCounts.has(type)), ...[...typeCounts.keys()].filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t)).sort()];
  const relations = [...relationLabels.keys()].sort((a, b) => relationLabels.get(a)!.localeCompare(relationLabels.get(b)!));

  const checkboxList = (
    kind: 'type' | 'relation' | 'document',
    keys: string[],
    label: (key: string) => string,
    color: ((key: string) => string) | null,
    toggle: (key: string, on: boolean) => void,
    lineSwatch = false,
  ): { list: HTMLElement; rows: Map<string, Row> } => {
    const rows = new Map<string, Row>();
    const list = h('ul', { class: 'legend-list' });
    for (const key of keys) {
      const input = h('input', { attrs: { type: 'checkbox', [`data-${kind}`]: key } });
      input.checked = true;
      input.addEventListener('change', () => toggle(key, input.checked));
      const count = h('span', { class: 'legend-count' });
      const item = h(
        'li',
        { class: 'legend-item', attrs: { [`data-${kind}`]: key } },
        h('label', { class: 'legend-label' }, input, color !== null && swatch(color(key), lineSwatch ? 'swatch-line' : ''), h('span', { class: 'legend-text', title: label(key) }, label(key)), count),
      );
      list.append(item);
      rows.set(key, { input, count, item });
    }
    return { list, rows };
  };

  const section = (name: string, title: string, ...content: (HTMLElement | false)[]): HTMLElement =>
    h('section', { class: 'side-section', attrs: { 'data-filter': name } }, h('h2', { class: 'side-title' }, title), ...content);

  const typeRows = checkboxList('type', types, (t) => t, (t) => TYPE_COLORS[t as keyof typeof TYPE_COLORS] ?? '#7f7f7f', (type, on) =>
    ctx.setFilters((f) => ({ ...f, hiddenTypes: toggled(f.hiddenTypes, type, !on) })),
  );
  const relationRows = checkboxList('relation', relations, (r) => relationLabels.get(r) ?? r, relationColor, (relation, on) =>
    ctx.setFilters((f) => ({ ...f, hiddenRelations: toggled(f.hiddenRelations, relation, !on) })),
  true);

  const weightInput = h('input', { class: 'range', attrs: { type: 'range', id: 'min-weight', min: '1', max: String(maxWeight), step: '1', value: '1', 'aria-describedby': 'min-weight-value' } });
  const weightValue = h('output', { class: 'range-value', attrs: { id: 'min-weight-value', for: 'min-weight' } });
  weightInput.addEventListener('input', () => ctx.setFilters((f) => ({ ...f, minWeight: Number(weightInput.value) })));

  const documentTitles = new Map(ctx.documents.map((doc) => [doc.id, doc.title ?? doc.id]));
  const documentRows = checkboxList('document', ctx.documents.map((doc) => doc.id), (id) => documentTitles.get(id) ?? id, null, (doc, on) =>
    ctx.setFilters((f) => ({ ...f, hiddenDocuments: toggled(f.hiddenDocuments, doc, !on) })),
  );

  const isolatedInput = h('input', { attrs: { type: 'checkbox', id: 'hide-isolated' } });
  isolatedInput.addEventListener('change', () => ctx.setFilters((f) => ({ ...f, hideIsolated: isolatedInput.checked })));
  const isolatedCount = h('span', { class: 'legend-count' });

  const resetButton = h('button', { class: 'link-button', attrs: { type: 'button', id: 'reset-filters' } }, 'Show everything');
  resetButton.addEventListener('click', () =>
    ctx.setFilters(() => ({ hiddenTypes: new Set(), hiddenRelations: new Set(), hiddenDocuments: new Set(), minWeight: 1, hideIsolated: false })),
  );

  const sections: (HTMLElement | false)[] = [
    section('types', 'Entity types', typeRows.list),
    relations.length > 0 && section('relations', 'Relation types', relationRows.list),
    maxWeight > 1 &&
      section('weight', 'Minimum evidence', h('label', { class: 'range-row', attrs: { for: 'min-weight' } }, weightInput, weightValue)),
    ctx.documents.length > 1 && section('documents', 'Documents', documentRows.list),
    section(
      'isolated',
      'Display',
      h('label', { class: 'legend-label', attrs: { for: 'hide-isolated' } }, isolatedInput, h('span', { class: 'legend-text' }, 'Hide isolated entities'), isolatedCount),
    ),
    h('div', { class: 'side-footer' }, resetButton),
  ];
  root.replaceChildren(...sections.filter((s): s is HTMLElement => s !== false));

  const sync = (rows: Map<string, Row>, hidden: ReadonlySet<string>, counts: ReadonlyMap<string, Count>): void => {
    for (const [key, row] of rows) {
      row.input.checked = !hidden.has(key);
      row.count.textContent = countText(counts.get(key));
      row.item.classList.toggle('is-off', hidden.has(key));
    }
  };

  return {
    update(filters, visibility) {
      sync(typeRows.rows, filters.hiddenTypes, visibility.types);
      sync(relationRows.rows, filters.hiddenRelations, visibility.relations);
      sync(documentRows.rows, filters.hiddenDocuments, visibility.documents);
      weightInput.value = String(Math.min(filters.minWeight, maxWeight));
      let kept = 0;
      for (const [weight, count] of visibility.weights) if (weight >= filters.minWeight) kept += count;
      weightValue.textContent = `≥ ${plural(filters.minWeight, 'source', 'sources')} · ${kept}`;
      isolatedInput.checked = filters.hideIsolated;
      isolatedCount.textContent = String(visibility.isolated);
      resetButton.hidden =
        filters.hiddenTypes.size + filters.hiddenRelations.size + filters.hiddenDocuments.size === 0 && filters.minWeight <= 1 && !filters.hideIsolated;
    },
  };
}
