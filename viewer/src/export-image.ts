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

/**
 * Renders the view once with `window.devicePixelRatio` raised to `scale` (sigma sizes its canvas from it),
 * copies the frame onto a 2D canvas over the background colour while the WebGL buffer is still valid,
 * then puts the pixel ratio and the canvas back.
 */
export function renderViewToPng(renderer: ExportableRenderer, scale: number, background: string): Promise<Blob> {
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
