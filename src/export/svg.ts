// SVG render of a laid-out graph for reports: nodes, arrows, labels and a legend of entity types; deterministic.
import { InvalidSettingError } from '../errors.js';
import { compareStrings } from '../graph/order.js';
import { ENTITY_TYPES, TYPE_COLORS, type GraphFile, type SerializedEdge, type SerializedNode } from '../types.js';
import { escapeXml } from './xml.js';
import { minMax } from '../arrays.js';

export interface SvgSettings {
  /** Width of the picture in pixels; the height follows from the layout's proportions. */
  width: number;
  nodeLabels: boolean;
  /** Relation names at the middle of each edge. */
  edgeLabels: boolean;
  /** The legend of entity types (colours) above the drawing. */
  legend: boolean;
}

export const DEFAULT_SVG_SETTINGS: Readonly<SvgSettings> = Object.freeze({
  width: 1200,
  nodeLabels: true,
  edgeLabels: true,
  legend: true,
});

const MIN_WIDTH = 200;
const MAX_WIDTH = 20000;
const KNOWN_SETTINGS = Object.keys(DEFAULT_SVG_SETTINGS);

/** Throws InvalidSettingError naming the first setting that is wrong (unknown names included). */
export function validateSvgSettings(settings: object): asserts settings is SvgSettings {
  const given = settings as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!KNOWN_SETTINGS.includes(name)) throw new InvalidSettingError(name, `one of the SVG settings ${KNOWN_SETTINGS.join(', ')}`, given[name]);
  }
  if (!Number.isInteger(given.width) || (given.width as number) < MIN_WIDTH || (given.width as number) > MAX_WIDTH) {
    throw new InvalidSettingError('width', `an integer between ${MIN_WIDTH} and ${MAX_WIDTH}`, given.width);
  }
  for (const name of ['nodeLabels', 'edgeLabels', 'legend']) {
    if (typeof given[name] !== 'boolean') throw new InvalidSettingError(name, 'a boolean', given[name]);
  }
}

/** Defaults overridden by the given settings (undefined counts as unset), validated. */
export function resolveSvgSettings(partial: Partial<SvgSettings> = {}): SvgSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SVG_SETTINGS };
  for (const [name, value] of Object.entries(partial)) if (value !== undefined) merged[name] = value;
  validateSvgSettings(merged);
  return merged;
}

// Two decimals are far below a pixel and keep the file small and stable.
function n(value: number): string {
  return String(Math.round(value * 100) / 100 || 0);
}

const FONT_SIZE = 12;
const EDGE_FONT_SIZE = 9;
// Average glyph width of a sans-serif font relative to its size: enough to reserve room for labels.
const GLYPH = 0.6;
const EDGE_COLOR = '#999999';
const PARALLEL_GAP = 20;

interface Point {
  x: number;
  y: number;
}

function radius(size: number): number {
  return Math.min(28, Math.max(3, size * 0.7));
}

/**
 * Graph coordinates (y pointing up, as in Gephi and sigma) to the picture's (y down). When every node sits
 * on one point (a graph built without layout), they are spread on a circle in key order instead.
 */
function positions(nodes: SerializedNode[]): Map<string, Point> {
  const result = new Map<string, Point>();
  const first = nodes[0]?.attributes;
  const collapsed = nodes.length > 1 && nodes.every((node) => node.attributes.x === first!.x && node.attributes.y === first!.y);
  nodes.forEach((node, i) => {
    if (collapsed) {
      const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      result.set(node.key, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
    } else result.set(node.key, { x: node.attributes.x, y: -node.attributes.y });
  });
  return result;
}

function legendItems(nodes: SerializedNode[], width: number, pad: number): { lines: string[]; height: number } {
  const present = ENTITY_TYPES.filter((type) => nodes.some((node) => node.attributes.type === type));
  if (present.length === 0) return { lines: [], height: 0 };
  const lines: string[] = ['  <g class="legend" font-size="12" fill="#333333">'];
  let x = pad;
  let y = pad;
  for (const type of present) {
    const itemWidth = 18 + type.length * FONT_SIZE * GLYPH + 16;
    if (x + itemWidth > width - pad && x > pad) {
      x = pad;
      y += 20;
    }
    lines.push(`    <circle cx="${n(x + 6)}" cy="${n(y + 6)}" r="6" fill="${TYPE_COLORS[type]}"/>`);
    lines.push(`    <text x="${n(x + 18)}" y="${n(y + 10)}">${type}</text>`);
    x += itemWidth;
  }
  lines.push('  </g>');
  return { lines, height: y - pad + 20 + 12 };
}

interface EdgeShape {
  edge: SerializedEdge;
  path: string;
  middle: Point;
  /** Direction of the edge in degrees, turned to read left to right: labels of parallel edges stack neatly. */
  angle: number;
}

/** Straight lines, or curves bowed apart when two nodes have several edges (parallel or opposite). */
function edgeShapes(edges: SerializedEdge[], at: (key: string) => Point, size: (key: string) => number): EdgeShape[] {
  const byPair = new Map<string, SerializedEdge[]>();
  for (const edge of edges) {
    const pair = [edge.source, edge.target].sort(compareStrings).join('\u0000');
    byPair.set(pair, [...(byPair.get(pair) ?? []), edge]);
  }
  const shapes: EdgeShape[] = [];
  for (const edge of edges) {
    const [low, high] = [edge.source, edge.target].sort(compareStrings);
    const group = byPair.get([low, high].join('\u0000'))!;
    const index = group.indexOf(edge);
    if (edge.source === edge.target) {
      // A self-loop (graphs from other tools): a teardrop above the node, larger for each further loop.
      const c = at(edge.source);
      const r = size(edge.source);
      const reach = r + 14 + index * 8;
      const start = { x: c.x - r * 0.6, y: c.y - r * 0.8 };
      const end = { x: c.x + r * 0.6, y: c.y - r * 0.8 };
      const path = `M${n(start.x)},${n(start.y)} C${n(c.x - reach)},${n(c.y - reach * 1.6)} ${n(c.x + reach)},${n(c.y - reach * 1.6)} ${n(end.x)},${n(end.y)}`;
      shapes.push({ edge, path, middle: { x: c.x, y: c.y - reach * 1.25 }, angle: 0 });
      continue;
    }
    const offset = (index - (group.length - 1) / 2) * PARALLEL_GAP;
    const s = at(edge.source);
    const t = at(edge.target);
    // The normal is taken from the low→high direction so that edges in opposite directions bow apart too.
    const a = at(low);
    const b = at(high);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
    const control = { x: (s.x + t.x) / 2 + normal.x * offset * 2, y: (s.y + t.y) / 2 + normal.y * offset * 2 };
    const towards = (from: Point, to: Point, distance: number): Point => {
      const d = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      return { x: from.x + ((to.x - from.x) / d) * distance, y: from.y + ((to.y - from.y) / d) * distance };
    };
    const start = towards(s, offset === 0 ? t : control, size(edge.source));
    const end = towards(t, offset === 0 ? s : control, size(edge.target) + 1);
    const middle = {
      x: 0.25 * s.x + 0.5 * control.x + 0.25 * t.x,
      y: 0.25 * s.y + 0.5 * control.y + 0.25 * t.y,
    };
    const path =
      offset === 0
        ? `M${n(start.x)},${n(start.y)} L${n(end.x)},${n(end.y)}`
        : `M${n(start.x)},${n(start.y)} Q${n(control.x)},${n(control.y)} ${n(end.x)},${n(end.y)}`;
    let angle = (Math.atan2(t.y - s.y, t.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    shapes.push({ edge, path, middle, angle });
  }
  return shapes;
}

/** The graph file as a standalone SVG picture of its layout (positions as stored: run the layout first). */
export function toSvg(file: GraphFile, settings: Partial<SvgSettings> = {}): string {
  const s = resolveSvgSettings(settings);
  const nodes = [...file.nodes].sort((x, y) => compareStrings(x.key, y.key));
  const edges = [...file.edges].sort((x, y) => compareStrings(x.key, y.key));
  const raw = positions(nodes);
  const radii = new Map(nodes.map((node) => [node.key, radius(node.attributes.size)]));
  const maxRadius = Math.max(0, minMax(radii.values())[1]);
  const pad = 20;
  const legend = s.legend ? legendItems(nodes, s.width, pad) : { lines: [], height: 0 };

  // Room on the right for the labels of the right-most nodes, so they are not cut off.
  const longest = s.nodeLabels ? Math.max(0, minMax(nodes.map((node) => node.attributes.label.length))[1]) : 0;
  const labelRoom = Math.min(s.width / 4, longest * FONT_SIZE * GLYPH + 6);
  const xs = [...raw.values()].map((p) => p.x);
  const ys = [...raw.values()].map((p) => p.y);
  const [minX, maxX] = minMax(xs);
  const [minY, maxY] = minMax(ys);
  const spanX = maxX - minX || 0;
  const spanY = maxY - minY || 0;
  const areaWidth = s.width - 2 * (pad + maxRadius) - labelRoom;
  const scale =
    spanX === 0 && spanY === 0 ? 1 : Math.min(spanX > 0 ? areaWidth / spanX : Infinity, spanY > 0 ? (areaWidth * 1.25) / spanY : Infinity);
  const left = pad + maxRadius + (spanX === 0 ? areaWidth / 2 : 0);
  const top = legend.height + pad + maxRadius;
  const at = (key: string): Point => {
    const p = raw.get(key)!;
    return { x: left + (p.x - minX) * scale, y: top + (p.y - minY) * scale };
  };
  const height = Math.ceil(top + spanY * scale + maxRadius + pad + (nodes.length === 0 ? 40 : 0));

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${height}" viewBox="0 0 ${s.width} ${height}"` +
      ' font-family="Helvetica, Arial, sans-serif">',
    `  <title>${escapeXml(file.attributes.name)}</title>`,
    '  <defs>',
    `    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto">`,
    `      <path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLOR}"/>`,
    '    </marker>',
    '  </defs>',
    `  <rect width="${s.width}" height="${height}" fill="#ffffff"/>`,
    ...legend.lines,
  ];
  if (nodes.length === 0) lines.push(`  <text x="${pad}" y="${n(top + 12)}" font-size="12" fill="#666666">(empty graph)</text>`);

  const shapes = edgeShapes(edges, at, (key) => radii.get(key)!);
  if (shapes.length > 0) {
    lines.push(`  <g class="edges" fill="none" stroke="${EDGE_COLOR}" stroke-opacity="0.85">`);
    for (const { edge, path } of shapes) {
      const a = edge.attributes;
      const width = Math.min(4, 1 + 0.75 * Math.log2(Math.max(1, a.weight)));
      // Negated and hypothetical relations are kept for inspection: dashed, so nobody reads them as facts.
      const dash = a.negated || a.hypothetical ? ' stroke-dasharray="4 3"' : '';
      lines.push(`    <path d="${path}" stroke-width="${n(width)}"${dash}${edge.undirected ? '' : ' marker-end="url(#arrow)"'}/>`);
    }
    lines.push('  </g>');
    if (s.edgeLabels) {
      lines.push(`  <g class="edge-labels" font-size="${EDGE_FONT_SIZE}" fill="#666666" text-anchor="middle">`);
      for (const { edge, middle, angle } of shapes) {
        const rotate = n(angle) === '0' ? '' : ` transform="rotate(${n(angle)} ${n(middle.x)} ${n(middle.y)})"`;
        lines.push(`    <text x="${n(middle.x)}" y="${n(middle.y - 2)}"${rotate}>${escapeXml(edge.attributes.label)}</text>`);
      }
      lines.push('  </g>');
    }
  }

  // Small nodes first, so that hubs and their labels end up on top.
  const drawOrder = [...nodes].sort((x, y) => x.attributes.size - y.attributes.size || compareStrings(x.key, y.key));
  if (nodes.length > 0) {
    lines.push('  <g class="nodes" stroke="#ffffff" stroke-width="1">');
    for (const node of drawOrder) {
      const p = at(node.key);
      const a = node.attributes;
      lines.push(
        `    <circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(radii.get(node.key)!)}" fill="${escapeXml(a.color)}">` +
          `<title>${escapeXml(`${a.label} (${a.type})`)}</title></circle>`,
      );
    }
    lines.push('  </g>');
  }
  if (s.nodeLabels && nodes.length > 0) {
    lines.push(`  <g class="labels" font-size="${FONT_SIZE}" fill="#222222">`);
    for (const node of drawOrder) {
      const p = at(node.key);
      lines.push(`    <text x="${n(p.x + radii.get(node.key)! + 3)}" y="${n(p.y + 4)}">${escapeXml(node.attributes.label)}</text>`);
    }
    lines.push('  </g>');
  }
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}
