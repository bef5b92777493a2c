/** The encodings the importer decodes; Windows-1252 only as the fallback for text that is not UTF-8. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SniffedEncoding {
  encoding: Exclude<TextEncoding, 'windows-1252'>;
  /** How it was told: a byte-order mark, the NUL bytes of UTF-16 without one, or neither (UTF-8 assumed). */
  by: 'bom' | 'nul-pattern' | 'default';
}

/** Bytes to look at; enough for a header row and a few records. */
export const SNIFF_BYTES = 1024;

/**
 * Tells a file's encoding from its first bytes: the byte-order mark (EF BB BF, FF FE, FE FF); else,
 * for UTF-16 saved without one, the NUL byte in every other position that Latin-script text has;
 * else UTF-8. Cheap: looks at SNIFF_BYTES bytes at most.
 */
export function sniffEncoding(head: Uint8Array): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', by: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', by: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', by: 'bom' };
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs >= 2) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) evenNul++;
      if (head[2 * i + 1] === 0) oddNul++;
    }
    // UTF-8 and single-byte text never hold NUL; UTF-16 of mostly Latin text is half NUL, on one side.
    if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.05) return { encoding: 'utf-16le', by: 'nul-pattern' };
    if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.05) return { encoding: 'utf-16be', by: 'nul-pattern' };
  }
  return { encoding: 'utf-8', by: 'default' };
}

const NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

/** "UTF-16 (little-endian), from its byte-order mark", for the import dialog. */
export function describeEncoding(encoding: TextEncoding, by: SniffedEncoding['by']): string {
  if (by === 'bom') return `${NAMES[encoding]}, from its byte-order mark`;
  if (by === 'nul-pattern') return `${NAMES[encoding]} without a byte-order mark, told by its zero bytes`;
  return NAMES[encoding];
}
