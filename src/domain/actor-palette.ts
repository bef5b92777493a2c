/**
 * Colours for actors a dataset does not colour itself (CSV imports, synthetic data): Okabe–Ito and
 * Tol's muted palette first, distinguishable with common colour-vision deficiencies; cycled beyond.
 */
export const ACTOR_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#882255',
  '#44AA99',
  '#999933',
  '#332288',
  '#AA4499',
  '#117733',
  '#661100',
  '#6699CC',
  '#888888',
  '#DDCC77',
] as const;
