/**
 * Moving and resizing a shift on the day timeline, snapped to the scenario's reporting interval.
 * Pure: minutes in, "HH:MM" out. A voice shift lies inside one day (its end after its start, up
 * to 24:00) and its breaks move with it; a back-office team's shift may run past midnight (an
 * end at or before its start), so it moves round the clock.
 */
export const DAY_MIN = 24 * 60;

export interface ShiftTimes {
  readonly start: string;
  readonly end: string;
  readonly breaks?: readonly { readonly start: string }[];
}

/** Minutes after midnight of "HH:MM", or NaN when the text is not a time. */
export function clockMinutes(text: unknown): number {
  const match = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

/** "HH:MM" of a minute of the day; 1440 is "24:00", the end of the day. */
export function clockText(minutes: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

const snap = (minutes: number, stepMin: number) => Math.round(minutes / stepMin) * stepMin;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const wrap = (minutes: number) => ((minutes % DAY_MIN) + DAY_MIN) % DAY_MIN;

/**
 * The shift moved by `deltaMin` (snapped to `stepMin`), keeping its length. A shift that must
 * stay within the day stops at 00:00 and 24:00; one that may cross midnight wraps round.
 */
export function moveShift<S extends ShiftTimes>(shift: S, deltaMin: number, stepMin: number, crossesMidnight: boolean): S {
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return shift;
  let delta = snap(deltaMin, stepMin);
  if (crossesMidnight) {
    return { ...shift, start: clockText(wrap(start + delta)), end: clockText(wrap(end + delta)) };
  }
  delta = clamp(delta, -start, DAY_MIN - end);
  if (delta === 0) return shift;
  const breaks = shift.breaks?.map((b) => {
    const at = clockMinutes(b.start);
    return Number.isNaN(at) ? b : { ...b, start: clockText(clamp(at + delta, 0, DAY_MIN - 1)) };
  });
  return { ...shift, start: clockText(start + delta), end: clockText(end + delta), ...(breaks ? { breaks } : {}) };
}

/**
 * The shift with one edge moved to `toMin` (snapped to `stepMin`), at least one step long. A shift
 * within the day keeps its start before its end; one that crosses midnight only never has its
 * start equal to its end.
 */
export function resizeShift<S extends ShiftTimes>(shift: S, edge: 'start' | 'end', toMin: number, stepMin: number, crossesMidnight: boolean): S {
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return shift;
  const at = snap(toMin, stepMin);
  if (crossesMidnight) {
    const moved = wrap(at);
    const other = edge === 'start' ? wrap(end) : wrap(start);
    if (moved === other) return shift;
    return { ...shift, [edge]: clockText(moved) };
  }
  if (edge === 'start') return { ...shift, start: clockText(clamp(at, 0, end - stepMin)) };
  return { ...shift, end: clockText(clamp(at, start + stepMin, DAY_MIN)) };
}

/** The parts of the day a shift covers, as [from, to) minute ranges: two when it runs past midnight. */
export function shiftSpans(shift: ShiftTimes): [number, number][] {
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  if (end > start) return [[start, end]];
  return [[start, DAY_MIN], ...(end > 0 ? [[0, end] as [number, number]] : [])];
}
