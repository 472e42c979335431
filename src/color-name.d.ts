// Types for `color-name` (the CSS colour keywords as [r, g, b]), which ships none.
declare module 'color-name' {
  const names: Readonly<Record<string, readonly [number, number, number]>>;
  export default names;
}
