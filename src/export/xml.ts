// Safe XML for the exporters: escaping for writing, and a hardened reader (no DTD entities, depth and size caps).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { KgError } from '../errors.js';

// Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab, LF and CR,
// lone surrogates (the `u` flag makes the surrogate range match only unpaired halves), U+FFFE and U+FFFF.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Removes what XML 1.0 forbids; everything else, emoji and right-to-left scripts included, passes unchanged. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Attribute-value normalisation turns literal tab, LF and CR into spaces; references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes for use in both attribute values and text content. */
export function escapeXml(text: string): string {
  return stripXmlForbidden(text).replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]!);
}

// ---- reading ----

/** An element as the readers see it: local name (prefix dropped), attributes, child elements and text. */
export interface XmlElement {
  /** Name without its namespace prefix (`viz:color` → `color`). */
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside the element (references decoded, CDATA kept verbatim). */
  text: string;
}

export interface XmlLimits {
  /** Largest input accepted, in UTF-16 code units. */
  maxChars: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxChars: 64 * 1024 * 1024,
  // GEXF and GraphML need 6 or 7 levels; nested graphs (yEd groups, GEXF hierarchies) a few more each.
  maxDepth: 64,
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and character references. Any other `&name;` is refused: the
 * reader never declares entities, so such a reference could only come from a DTD it does not process.
 */
function decodeReferences(raw: string, fail: (message: string) => never): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s<]{0,32});?/g, (match, body: string) => {
    if (!match.endsWith(';')) fail(`"&" that does not start a reference (escape it as &amp;)`);
    if (body.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(body)
        ? parseInt(body.slice(2), 16)
        : /^#[0-9]{1,7}$/.test(body)
          ? parseInt(body.slice(1), 10)
          : NaN;
      if (!isXmlChar(code)) fail(`invalid character reference &${body};`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[body];
    if (value === undefined) fail(`undefined entity &${body}; (only the five predefined XML entities are allowed)`);
    return value;
  });
}

/** Index just past the DOCTYPE declaration that starts at `start`, honouring quotes and the `[...]` subset. */
function doctypeEnd(text: string, start: number): { end: number; subset: string | undefined } {
  let quote: string | null = null;
  let subsetStart = -1;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[' && subsetStart < 0) {
      subsetStart = i + 1;
      // The subset ends at the first `]` followed by optional space and `>`; declarations inside may quote `]`.
      const close = /\][\s]*>/g;
      close.lastIndex = i;
      const m = close.exec(text);
      if (!m) return { end: -1, subset: undefined };
      return { end: m.index + m[0].length, subset: text.slice(subsetStart, m.index) };
    } else if (c === '>') {
      return { end: i + 1, subset: undefined };
    }
  }
  return { end: -1, subset: undefined };
}

/**
 * Looks at the prolog (before the root element) for a DOCTYPE. Entity declarations are refused outright:
 * they are how XXE (external entities) and billion-laughs (nested expansion) attacks work, and neither
 * GEXF nor GraphML needs them. A bare DOCTYPE naming an external DTD is blanked out; it is never fetched.
 */
function neutraliseDoctype(text: string, fail: (message: string) => never): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return text;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) return text;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      const { end, subset } = doctypeEnd(text, i);
      if (end < 0) fail('unterminated DOCTYPE declaration');
      if (subset !== undefined && /<!ENTITY/.test(subset)) {
        fail('refused: the DOCTYPE declares entities (external or nested entities are never expanded)');
      }
      if (subset !== undefined && subset.trim() !== '') fail('refused: DTD internal subsets are not supported');
      // Blank it out, keeping line breaks so that line numbers in later messages stay right.
      return text.slice(0, i) + text.slice(i, end).replace(/[^\n]/g, ' ') + text.slice(end);
    } else {
      return text;
    }
  }
}

/** Text after the root element's end (which the validator lets through after a self-closing root). */
function hasTrailingText(text: string): boolean {
  let end = text.trimEnd();
  for (;;) {
    if (end.endsWith('-->') && end.lastIndexOf('<!--') >= 0) end = end.slice(0, end.lastIndexOf('<!--')).trimEnd();
    else if (end.endsWith('?>') && end.lastIndexOf('<?') >= 0) end = end.slice(0, end.lastIndexOf('<?')).trimEnd();
    else break;
  }
  return end !== '' && !end.endsWith('>');
}

type OrderedNode = Record<string, unknown>;

const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are decoded by decodeReferences above, which knows only the predefined five.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function depthOf(nodes: OrderedNode[], limit: number): number {
  // Iterative, so that the check itself cannot overflow the stack on a hostile file.
  let max = 0;
  const stack: Array<[OrderedNode[], number]> = [[nodes, 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    for (const node of list) {
      for (const key of Object.keys(node)) {
        if (key === ':@' || key === '#text' || key === '#cdata') continue;
        max = Math.max(max, depth);
        if (max > limit) return max;
        const children = node[key];
        if (Array.isArray(children)) stack.push([children as OrderedNode[], depth + 1]);
      }
    }
  }
  return max;
}

function convert(node: OrderedNode, name: string, fail: (message: string) => never): XmlElement {
  const attributes = new Map<string, string>();
  const raw = node[':@'] as Record<string, unknown> | undefined;
  if (raw) {
    for (const [key, value] of Object.entries(raw)) {
      const text = String(value);
      if (text.includes('<')) fail(`"<" in the value of attribute "${key}" of <${name}>`);
      // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space becomes a space, references stay.
      attributes.set(key, decodeReferences(text.replace(/[\t\n\r]/g, ' '), fail));
    }
  }
  const element: XmlElement = { name: localName(name), attributes, children: [], text: '' };
  const parts: string[] = [];
  for (const child of (node[name] as OrderedNode[]) ?? []) {
    if ('#text' in child) parts.push(decodeReferences(String(child['#text']), fail));
    else if ('#cdata' in child) {
      for (const inner of child['#cdata'] as OrderedNode[]) parts.push(String(inner['#text'] ?? ''));
    } else {
      const childName = Object.keys(child).find((k) => k !== ':@');
      if (childName !== undefined) element.children.push(convert(child, childName, fail));
    }
  }
  element.text = parts.join('');
  return element;
}

/**
 * Parses XML text into a tree, refusing what could hurt: DOCTYPEs with entities (XXE, billion laughs),
 * undefined entity references, nesting deeper than `maxDepth`, inputs larger than `maxChars`, and
 * malformed XML. Errors are KgError('INPUT_INVALID') with a one-line message; `where` names the file.
 */
export function parseXml(input: string, where: string, limits: Partial<XmlLimits> = {}): XmlElement {
  const { maxChars, maxDepth } = { ...DEFAULT_XML_LIMITS, ...limits };
  const fail = (message: string): never => {
    throw new KgError('INPUT_INVALID', `not valid XML: ${message}`, where);
  };
  if (input.length > maxChars) {
    throw new KgError('INPUT_TOO_LARGE', `XML input is too large (${input.length} characters; the limit is ${maxChars})`, where);
  }
  // End-of-line handling (XML 1.0 §2.11) comes first, as it does in every conforming parser.
  let text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = neutraliseDoctype(text, fail);
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
  if (forbidden) fail(`character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`);

  if (hasTrailingText(text)) fail('text after the root element');
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`${valid.err.msg.replace(/\s+/g, ' ').trim()} (line ${valid.err.line})`);

  let parsed: OrderedNode[];
  try {
    // The parser's own cap stops it early; depthOf below is the exact check.
    parsed = new XMLParser({ ...parserOptions, maxNestedTags: maxDepth + 2 }).parse(text) as OrderedNode[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(message)) fail(`elements nested deeper than ${maxDepth} levels`);
    return fail(message.split('\n')[0]!);
  }
  if (depthOf(parsed, maxDepth) > maxDepth) fail(`elements nested deeper than ${maxDepth} levels`);

  const roots: XmlElement[] = [];
  for (const node of parsed) {
    if ('#text' in node) {
      if (String(node['#text']).trim() !== '') fail('text outside the root element');
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name !== undefined) roots.push(convert(node, name, fail));
  }
  if (roots.length === 0) fail('no root element');
  if (roots.length > 1) fail(`more than one root element (<${roots[0]!.name}> and <${roots[1]!.name}>)`);
  return roots[0]!;
}

/** Child elements with a given local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child element with a given local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
