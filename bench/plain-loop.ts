/**
 * The yardstick for the engine benchmark: the M/M/c+M queue of the bench cases written as one
 * plain loop, the way one would without a framework — a binary heap of (time, kind, call) in
 * parallel typed arrays, a FIFO of waiting calls, lazy abandonment. It measures what this
 * machine can do for this queue, so the Kituo figures can be quoted as a share of it.
 */
import seedrandom from 'seedrandom';

export function plainLoop(ratePerHour: number, handleMeanSec: number, patienceMeanSec: number, agents: number, hours: number, seed: number) {
  const rng = seedrandom.alea(`plain:${seed}`);
  const exp = (mean: number) => -mean * Math.log(1 - rng());
  const horizon = hours * 3600;
  const lambda = ratePerHour / 3600;
  let cap = 1 << 16;
  let times = new Float64Array(cap);
  let kinds = new Int32Array(cap); // 0 arrival, 1 departure, 2 abandon
  let ids = new Int32Array(cap);
  let size = 0;
  const push = (t: number, k: number, id: number) => {
    if (size === cap) {
      cap *= 2;
      const nt = new Float64Array(cap); nt.set(times); times = nt;
      const nk = new Int32Array(cap); nk.set(kinds); kinds = nk;
      const ni = new Int32Array(cap); ni.set(ids); ids = ni;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p]; kinds[i] = kinds[p]; ids[i] = ids[p];
      i = p;
    }
    times[i] = t; kinds[i] = k; ids[i] = id;
  };
  const popInto = () => {
    const t = times[--size], k = kinds[size], id = ids[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && times[c + 1] < times[c]) c++;
      if (t <= times[c]) break;
      times[i] = times[c]; kinds[i] = kinds[c]; ids[i] = ids[c];
      i = c;
    }
    times[i] = t; kinds[i] = k; ids[i] = id;
  };
  let callCap = 1 << 20;
  let state = new Uint8Array(callCap); // 0 waiting, 1 served, 2 abandoned
  let arrival = new Float64Array(callCap);
  const waiting = new Int32Array(1 << 22);
  let head = 0, tail = 0;
  let free = agents, calls = 0, events = 0, answered = 0, abandoned = 0, waitSum = 0;
  push(exp(1 / lambda), 0, 0);
  while (size > 0) {
    const now = times[0], kind = kinds[0], id = ids[0];
    if (now > horizon) break;
    popInto();
    events++;
    if (kind === 0) {
      const c = calls++;
      if (c >= callCap) {
        callCap *= 2;
        const ns = new Uint8Array(callCap); ns.set(state); state = ns;
        const na = new Float64Array(callCap); na.set(arrival); arrival = na;
      }
      arrival[c] = now;
      push(now + exp(1 / lambda), 0, 0);
      if (free > 0) { free--; state[c] = 1; answered++; push(now + exp(handleMeanSec), 1, c); }
      else { state[c] = 0; waiting[tail++ & (waiting.length - 1)] = c; push(now + exp(patienceMeanSec), 2, c); }
    } else if (kind === 1) {
      let next = -1;
      while (head !== tail) {
        const w = waiting[head++ & (waiting.length - 1)];
        if (state[w] === 0) { next = w; break; }
      }
      if (next >= 0) { state[next] = 1; answered++; waitSum += now - arrival[next]; push(now + exp(handleMeanSec), 1, next); }
      else free++;
    } else if (state[id] === 0) {
      state[id] = 2; abandoned++;
    }
  }
  return { calls, events, answered, abandoned, asa: waitSum / Math.max(1, answered) };
}
