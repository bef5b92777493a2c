// SVG string → data: URL → Image → canvas → PNG Blob. Kept apart from the figure so the figure stays pure and testable.
import { canEncodePng, encodePng } from './png-encode';

export interface RasterizeOptions {
  /** Device pixels per SVG user unit; 2 gives a 1920 px wide PNG from the 960-unit figure. */
  scale?: number;
  /** Painted under the image, so transparent areas do not turn black in viewers that ignore alpha. */
  background?: string;
}

/** The intrinsic size the SVG declares on its root (width/height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) throw new Error('The SVG has no width and height to rasterise at.');
  return { width, height };
}

/** A data: URL rather than a blob: URL, so a CSP of img-src 'self' data: blob: allows it and nothing is left to revoke. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The figure could not be drawn as an image.'));
    img.src = src;
  });
}

export async function rasterizeSvg(svg: string, opts: RasterizeOptions = {}): Promise<Blob> {
  const scale = opts.scale ?? 2;
  const { width, height } = svgSize(svg);
  const img = await loadImage(svgDataUrl(svg));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  ctx.fillStyle = opts.background ?? '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  if (canEncodePng()) {
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    return encodePng(pixels, canvas.width, canvas.height);
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    );
  });
}
