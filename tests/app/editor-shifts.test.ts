/** Shifts on the editor's day timeline: moved and resized in whole reporting intervals. */
import { describe, expect, it } from 'vitest';
import { clockMinutes, clockText, moveShift, resizeShift, shiftSpans } from '../../src/app/editor/shift-edits';

const shift = { agents: 5, start: '08:00', end: '17:00', breaks: [{ start: '12:00', durationMin: 30 }] };

describe('moving a shift', () => {
  it('moves start, end and breaks by the drag snapped to the interval', () => {
    expect(moveShift(shift, 44, 30, false)).toEqual({ agents: 5, start: '08:30', end: '17:30', breaks: [{ start: '12:30', durationMin: 30 }] });
    expect(moveShift(shift, -50, 15, false)).toMatchObject({ start: '07:15', end: '16:15' });
  });

  it('stops at the ends of the day when the shift must stay inside it', () => {
    expect(moveShift(shift, 600, 30, false)).toMatchObject({ start: '15:00', end: '24:00' });
    expect(moveShift(shift, -600, 30, false)).toMatchObject({ start: '00:00', end: '09:00' });
  });

  it('wraps round midnight when the shift may run past it', () => {
    expect(moveShift({ start: '20:00', end: '04:00' }, 300, 60, true)).toEqual({ start: '01:00', end: '09:00' });
  });
});

describe('resizing a shift', () => {
  it('moves one edge to the snapped time and keeps at least one interval', () => {
    expect(resizeShift(shift, 'end', 19 * 60 + 10, 15, false)).toMatchObject({ start: '08:00', end: '19:15' });
    expect(resizeShift(shift, 'start', 20 * 60, 30, false)).toMatchObject({ start: '16:30', end: '17:00' });
    expect(resizeShift(shift, 'end', 30 * 60, 30, false)).toMatchObject({ end: '24:00' });
  });

  it('lets a shift that may cross midnight end before its start but never at it', () => {
    expect(resizeShift({ start: '22:00', end: '06:00' }, 'end', 26 * 60, 60, true)).toEqual({ start: '22:00', end: '02:00' });
    expect(resizeShift({ start: '22:00', end: '06:00' }, 'end', 22 * 60, 60, true)).toEqual({ start: '22:00', end: '06:00' });
  });
});

describe('clock text', () => {
  it('reads and writes HH:MM, with 24:00 the end of the day', () => {
    expect(clockMinutes('07:45')).toBe(465);
    expect(clockMinutes('7:45')).toBeNaN();
    expect(clockText(1440)).toBe('24:00');
    expect(shiftSpans({ start: '22:00', end: '06:00' })).toEqual([[1320, 1440], [0, 360]]);
    expect(shiftSpans({ start: '22:00', end: '00:00' })).toEqual([[1320, 1440]]);
  });
});
