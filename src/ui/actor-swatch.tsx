/**
 * An actor's colour chip wherever the actor is named (legend, filters, summary, evidence, tooltip):
 * a square for a solid line, a short stroke with the line's dash where the chart dashes it, so actors
 * that share a colour (the 16th onwards of an import) are told apart here as on the chart.
 */
export function ActorSwatch({ color, dash }: { color: string; dash: string | null }) {
  if (!dash) return <span className="swatch" style={{ background: color }} aria-hidden="true" />;
  return (
    <svg className="swatch-line" width="22" height="12" aria-hidden="true">
      <line
        x1="2"
        y1="6"
        x2="20"
        y2="6"
        stroke={color}
        strokeWidth="3"
        strokeDasharray={dash}
        strokeLinecap="round"
      />
    </svg>
  );
}
