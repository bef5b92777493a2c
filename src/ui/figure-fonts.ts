import regular from './fonts/inter-regular.woff2?url';
import semibold from './fonts/inter-semibold.woff2?url';

/**
 * The committed Inter subset (SIL OFL 1.1, src/ui/fonts/OFL.txt): the app's stylesheet loads these
 * files, and the exported figure embeds them, so text is drawn alike on every machine.
 */
export const FIGURE_FONT_FILES: ReadonlyArray<{ weight: number; url: string }> = [
  { weight: 400, url: regular },
  { weight: 600, url: semibold },
];
