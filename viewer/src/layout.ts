// Run/stop ForceAtlas2 in a web worker, stopping by itself when the layout converges or after a time limit.
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { KnowledgeGraph } from './load.js';

export type LayoutStopReason = 'converged' | 'time-limit' | 'stopped';

export interface LayoutStatus {
  running: boolean;
  /** Milliseconds since the run started (or how long the last run took). */
  elapsed: number;
  /** Why the last run ended; null while running or before the first run. */
  reason: LayoutStopReason | null;
}

export interface LayoutSettings {
  /** A run stops after this long, converged or not. */
  timeLimitMs: number;
  /** How often positions are compared to decide convergence. */
  checkEveryMs: number;
  /** Converged when nodes move less than this fraction of the layout's extent per check, twice in a row. */
  tolerance: number;
}

export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = { timeLimitMs: 20_000, checkEveryMs: 400, tolerance: 0.002 };

export interface LayoutController {
  start(): void;
  stop(): void;
  status(): LayoutStatus;
  kill(): void;
}

/**
 * Mean movement of the nodes between two snapshots, relative to the size of the layout; pure, exported
 * for the tests. `previous` and `next` hold x, y pairs.
 */
export function relativeMovement(previous: Float64Array, next: Float64Array): number {
  const count = Math.min(previous.length, next.length) / 2;
  if (count === 0) return 0;
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = next[2 * i]!;
    const y = next[2 * i + 1]!;
    moved += Math.hypot(x - previous[2 * i]!, y - previous[2 * i + 1]!);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  return moved / count / extent;
}

function snapshot(graph: KnowledgeGraph): Float64Array {
  const out = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_node, attrs) => {
    out[i++] = attrs.x;
    out[i++] = attrs.y;
  });
  return out;
}

export function createLayoutController(
  graph: KnowledgeGraph,
  onChange: (status: LayoutStatus) => void,
  settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS,
): LayoutController {
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let startedAt = 0;
  let status: LayoutStatus = { running: false, elapsed: 0, reason: null };
  let previous: Float64Array | null = null;
  let calm = 0;

  const finish = (reason: LayoutStopReason): void => {
    if (!status.running) return;
    supervisor?.stop();
    if (timer !== null) clearInterval(timer);
    timer = null;
    status = { running: false, elapsed: performance.now() - startedAt, reason };
    onChange(status);
  };

  const check = (): void => {
    const elapsed = performance.now() - startedAt;
    if (elapsed >= settings.timeLimitMs) {
      finish('time-limit');
      return;
    }
    const next = snapshot(graph);
    if (previous !== null && relativeMovement(previous, next) < settings.tolerance) calm++;
    else calm = 0;
    previous = next;
    if (calm >= 2) finish('converged');
    else {
      status = { running: true, elapsed, reason: null };
      onChange(status);
    }
  };

  return {
    start() {
      if (status.running || graph.order === 0) return;
      if (supervisor === null) {
        supervisor = new FA2LayoutSupervisor(graph, {
          settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500, strongGravityMode: true, gravity: 1 },
        });
      }
      supervisor.start();
      startedAt = performance.now();
      previous = snapshot(graph);
      calm = 0;
      status = { running: true, elapsed: 0, reason: null };
      timer = setInterval(check, settings.checkEveryMs);
      onChange(status);
    },
    stop: () => finish('stopped'),
    status: () => status,
    kill() {
      finish('stopped');
      supervisor?.kill();
      supervisor = null;
    },
  };
}
