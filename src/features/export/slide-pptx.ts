import PptxGenJS from 'pptxgenjs';

// The briefing slide as a .pptx: one 16:9 slide with editable title, subtitle and footnote text
// boxes around the exported figure (as a PNG), and the evidence in the speaker notes. Loaded with
// import() only when "Download slide (PPTX)" is chosen (pptxgenjs and its zip writer are ~130 KB gzip).

export interface SlideContent {
  title: string;
  subtitle: string;
  /** The figure without its own title, subtitle and footnote, as PNG bytes in base64. */
  pngBase64: string;
  /** The figure's size in its own units, to keep its aspect ratio on the slide. */
  figureWidth: number;
  figureHeight: number;
  altText: string;
  footnote: string;
  notes: string;
}

const SLIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.5;
const FONT = 'Arial';

/** Where the figure goes: as large as fits in the area between subtitle and footnote, centred. */
export function figurePlacement(
  width: number,
  height: number,
  area = { x: MARGIN, y: 1.5, w: SLIDE.w - 2 * MARGIN, h: 4.95 },
): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(area.w / width, area.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: area.x + (area.w - w) / 2, y: area.y, w, h };
}

/** An editable text box across the slide, shrinking its text to fit rather than overflowing. */
function textBox(
  slide: PptxGenJS.Slide,
  text: string,
  box: { objectName: string; y: number; h: number; fontSize: number; color: string; bold?: boolean },
): void {
  slide.addText(text, {
    x: MARGIN,
    w: SLIDE.w - 2 * MARGIN,
    fontFace: FONT,
    valign: 'top',
    fit: 'shrink',
    ...box,
  });
}

export async function buildSlidePptx(content: SlideContent): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = content.title;
  const slide = pptx.addSlide();
  textBox(slide, content.title, {
    objectName: 'Title',
    y: 0.3,
    h: 0.7,
    fontSize: 26,
    color: '1F2328',
    bold: true,
  });
  textBox(slide, content.subtitle, {
    objectName: 'Subtitle',
    y: 0.95,
    h: 0.5,
    fontSize: 14,
    color: '57606A',
  });
  slide.addImage({
    data: `image/png;base64,${content.pngBase64}`,
    ...figurePlacement(content.figureWidth, content.figureHeight),
    altText: content.altText,
    objectName: 'Figure',
  });
  textBox(slide, content.footnote, { objectName: 'Sources', y: 6.5, h: 0.85, fontSize: 8, color: '57606A' });
  slide.addNotes(content.notes);
  const out = await pptx.write({ outputType: 'blob', compression: true });
  if (!(out instanceof Blob)) throw new Error('The slide could not be written.');
  return out;
}
