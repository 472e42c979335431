// Bench baseline: fetch the graph file, import it into graphology, hand it to sigma with its defaults; mark the first frame.
import Graph from 'graphology';
import Sigma from 'sigma';

async function run(): Promise<void> {
  const graphPath = new URLSearchParams(window.location.search).get('graph') ?? '../graph.json';
  const response = await fetch(new URL(graphPath, window.location.href));
  const data = JSON.parse(await response.text()) as Parameters<Graph['import']>[0];
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  graph.import(data);
  const renderer = new Sigma(graph, document.getElementById('graph')!);
  // Sigma draws its first frame in its constructor; reading a pixel back waits until the GPU has drawn it.
  const gl = renderer.getWebGLContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  performance.mark('kg-first-frame');
  (window as { __bare?: unknown }).__bare = renderer;
}

void run();
