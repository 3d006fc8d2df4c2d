/**
 * Fits rows of equal square tiles (workstations) into a rectangle: each group starts on a new
 * row under a label row, and the tile size is the largest that fits every group. Pure geometry,
 * computed when the scene is built or resized, never per frame.
 */

export interface GridFit {
  readonly cols: number;
  readonly tile: number;
  readonly labelHeight: number;
  /** Top-left corner of each item, group by group, in the rectangle's coordinates. */
  readonly positions: { x: number; y: number }[];
  /** Where each group's label row starts. */
  readonly labels: { x: number; y: number }[];
}

/**
 * @param groupSizes items in each group
 * @param rowHeightFactor a row is `tile × rowHeightFactor` tall (room for the figure above the desk)
 * @param labelFactor a label row is `tile × labelFactor` tall (0 for none)
 * @param maxTile the largest tile, however much room there is
 */
export function fitGrid(groupSizes: readonly number[], width: number, height: number, rowHeightFactor = 1.2, labelFactor = 0.32, maxTile = 140): GridFit {
  const total = groupSizes.reduce((a, b) => a + b, 0);
  const labelRows = groupSizes.length > 1 || labelFactor > 0 ? groupSizes.length : 0;
  let best = { cols: 1, tile: 0 };
  for (let cols = 1; cols <= Math.max(1, total); cols++) {
    const rows = groupSizes.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / cols)), 0);
    const tile = Math.min(width / cols, height / (rows * rowHeightFactor + labelRows * labelFactor));
    if (tile > best.tile) best = { cols, tile };
  }
  const { cols } = best;
  const tile = Math.min(best.tile, maxTile);
  const labelHeight = tile * labelFactor;
  const positions: { x: number; y: number }[] = [];
  const labels: { x: number; y: number }[] = [];
  const usedCols = Math.min(cols, Math.max(1, ...groupSizes));
  const offsetX = Math.max(0, (width - usedCols * tile) / 2);
  let y = 0;
  for (const n of groupSizes) {
    labels.push({ x: offsetX, y });
    if (labelRows > 0) y += labelHeight;
    const rows = Math.max(1, Math.ceil(n / cols));
    for (let i = 0; i < n; i++) {
      positions.push({ x: offsetX + (i % cols) * tile, y: y + Math.floor(i / cols) * tile * rowHeightFactor });
    }
    y += rows * tile * rowHeightFactor;
  }
  return { cols, tile, labelHeight, positions, labels };
}
