export function locateChromium(): string | null;
export function ensureChromium(opts?: { log?: (msg: string) => void }): string;
