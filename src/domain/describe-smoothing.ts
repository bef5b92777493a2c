/** How the line is drawn, in words; shown under the chart and meant for the Methodology view too. */
export function smoothingMethod(smooth: number): string {
  const how =
    smooth === 0
      ? 'With smoothing set to None, the line joins the mean score of each day that has observations.'
      : `With ${smooth}-day smoothing, the line at each day that has observations is the mean score of all of that actor's observations dated from ${smooth / 2} days before to ${smooth / 2} days after that day (a centred rolling mean over a ${smooth}-day window, ends included; days without observations count for nothing, not for zero).`;
  return `${how} Only observations dated to the day enter the line, and only those that pass the current filters. Observations known only to the month or year are drawn as hollow points at the middle of their month (the 15th) or year (1 July) and left out of the line, because placing them on a single day would invent precision the sources do not give.`;
}
