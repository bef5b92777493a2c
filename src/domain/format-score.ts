/** "+2", "−1", "0", "+1.5": signed, with a true minus sign, as the scale is printed everywhere. */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  if (rounded === 0) return '0';
  const abs = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1);
  return rounded > 0 ? `+${abs}` : `−${abs}`;
}
