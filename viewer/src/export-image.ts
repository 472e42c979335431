// PNG of the current view at a chosen scale. @sigma/export-image 3 targets sigma 3 (it reads `getCanvases()`,
// gone in sigma 4, whose stage is one WebGL canvas), so this renders the live renderer once at a higher pixel ratio.

/** The part of a sigma renderer an export needs. */
export interface ExportableRenderer {
  getDimensions(): { width: number; height: number };
  getStageCanvas(): HTMLCanvasElement;
  resize(force?: boolean): unknown;
  scheduleRender(): unknown;
  once(event: 'afterRender', listener: () => void): unknown;
}

/** The scales offered in the export menu. */
export const EXPORT_SCALES = [1, 2, 4] as const;

/** Largest side of the exported image, in pixels; WebGL canvases above this fail on many machines. */
const MAX_SIDE = 8192;

/** The pixel size of an export: the viewport at `scale`, shrunk to fit MAX_SIDE. Pure, exported for the tests. */
export function exportSize(width: number, height: number, scale: number): { width: number; height: number; ratio: number } {
  const ratio = Math.min(scale, MAX_SIDE / Math.max(width, height, 1));
  return { width: Math.round(width * ratio), height: Math.round(height * ratio), ratio };
}

/** What the exported picture says of itself: the graph's name, and the colours of the entity types in view. */
export interface Caption {
  title: string;
  legend: { label: string; color: string }[];
}

/** The caption's boxes, in CSS pixels of the view: title at the top left, legend at the bottom left. Pure. */
export function captionLayout(caption: Caption, height: number): { title: { x: number; y: number }; legend: { x: number; y: number; label: string; color: string }[] } {
  const line = 18;
  const top = height - 12 - line * caption.legend.length;
  return {
    title: { x: 12, y: 24 },
    legend: caption.legend.map((entry, i) => ({ ...entry, x: 12, y: top + line * i + 13 })),
  };
}

/** Draws the caption on the exported canvas (text goes through fillText: never markup). */
function drawCaption(ctx: CanvasRenderingContext2D, caption: Caption, ratio: number, height: number): void {
  const layout = captionLayout(caption, height);
  ctx.save();
  ctx.scale(ratio, ratio);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1d2430';
  ctx.font = '600 16px system-ui, sans-serif';
  if (caption.title !== '') ctx.fillText(caption.title.slice(0, 120), layout.title.x, layout.title.y);
  ctx.font = '12px system-ui, sans-serif';
  for (const entry of layout.legend) {
    ctx.fillStyle = entry.color;
    ctx.beginPath();
    ctx.arc(entry.x + 5, entry.y - 4, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1d2430';
    ctx.fillText(entry.label, entry.x + 16, entry.y);
  }
  ctx.restore();
}

/**
 * Renders the view once with `window.devicePixelRatio` raised to `scale` (sigma sizes its canvas from it),
 * copies the frame onto a 2D canvas over the background colour while the WebGL buffer is still valid,
 * then puts the pixel ratio and the canvas back. A caption (title and legend) is drawn over the picture.
 */
export function renderViewToPng(renderer: ExportableRenderer, scale: number, background: string, caption?: Caption): Promise<Blob> {
  const { width, height } = renderer.getDimensions();
  const size = exportSize(width, height, scale);
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  const restore = (): void => {
    if (own !== undefined) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
    renderer.resize(true);
    renderer.scheduleRender();
  };

  return new Promise<HTMLCanvasElement>((resolve, reject) => {
    try {
      Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => size.ratio });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    renderer.once('afterRender', () => {
      try {
        const stage = renderer.getStageCanvas();
        const canvas = document.createElement('canvas');
        canvas.width = stage.width;
        canvas.height = stage.height;
        const ctx = canvas.getContext('2d');
        if (ctx === null) throw new Error('no 2D canvas context');
        ctx.fillStyle = background;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(stage, 0, 0);
        if (caption) drawCaption(ctx, caption, size.ratio, height);
        resolve(canvas);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        restore();
      }
    });
    renderer.resize(true);
    renderer.scheduleRender();
  }).then(
    (canvas) =>
      new Promise<Blob>((resolve, reject) => {
        canvas.toBlob((blob) => (blob === null ? reject(new Error('the browser could not encode the PNG')) : resolve(blob)), 'image/png');
      }),
  );
}

/** Saves a blob under a file name through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
