// Building DOM from untrusted text: elements and text nodes only, never HTML strings.

export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  class?: string;
  /** Plain attributes; event-handler attributes are refused. */
  attrs?: Record<string, string>;
  title?: string;
  onClick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props?.class !== undefined) element.className = props.class;
  if (props?.title !== undefined) element.title = props.title;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, value);
  }
  if (props?.onClick !== undefined) (element as HTMLElement).addEventListener('click', props.onClick);
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A small colour swatch; the colour goes through the CSSOM, so it can never become markup. */
export function swatch(color: string, extraClass = ''): HTMLSpanElement {
  const dot = h('span', { class: `swatch ${extraClass}`.trim(), attrs: { 'aria-hidden': 'true' } });
  dot.style.backgroundColor = color;
  return dot;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
}
