/**
 * JSON Merge Patch (RFC 7386), extended to arrays: the difference between two JSON documents as a
 * document of its own. Objects are compared field by field and a removed field is written as null.
 * A scenario is mostly arrays (queues, groups, shifts, arrival curves), which RFC 7386 replaces
 * whole, so an array is patched element by element instead: `{"[]": length, "3": patch of
 * element 3}`. A share link carries the patch of an edited scenario against the shipped one it
 * came from, which is usually a few fields instead of the whole scenario.
 *
 * A document that holds null values cannot be told apart from removals, so `diff` returns null
 * when its patch would not rebuild `target` exactly and the caller sends the whole document.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The patch that turns `base` into `target`, or null when a merge patch cannot express it. */
export function diff(base: Json, target: Json): Json | null {
  const patch = rawDiff(base, target);
  return sameJson(applyPatch(base, patch), target) ? patch : null;
}

/** The key that marks a patch of an array; no field of a scenario can be named so. */
const ARRAY_LENGTH = '[]';

function rawDiff(base: Json, target: Json): Json {
  if (Array.isArray(base) && Array.isArray(target)) {
    const patch: JsonObject = { [ARRAY_LENGTH]: target.length };
    target.forEach((value, i) => {
      if (i >= base.length) patch[i] = value;
      else if (!sameJson(base[i], value)) patch[i] = rawDiff(base[i], value);
    });
    // An element patch that is a plain value equal to null would read as "remove": send the whole array.
    return Object.values(patch).some((value) => value === null) ? target : patch;
  }
  if (!isObject(base) || !isObject(target)) return target;
  const patch: JsonObject = {};
  for (const key of Object.keys(base)) {
    if (!Object.hasOwn(target, key)) setField(patch, key, null);
  }
  for (const [key, value] of Object.entries(target)) {
    if (!Object.hasOwn(base, key)) setField(patch, key, value);
    else if (!sameJson(base[key], value)) setField(patch, key, rawDiff(base[key], value));
  }
  return patch;
}

/** `base` with `patch` merged in, as RFC 7386 defines it; neither argument is changed. */
export function applyPatch(base: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  if (Array.isArray(base) && isArrayPatch(patch)) {
    const length = patch[ARRAY_LENGTH] as number;
    return Array.from({ length }, (_, i) => {
      const key = String(i);
      if (!Object.hasOwn(patch, key)) return i < base.length ? base[i] : null;
      return i < base.length ? applyPatch(base[i], patch[key]) : patch[key];
    });
  }
  const result: JsonObject = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else setField(result, key, applyPatch(Object.hasOwn(result, key) ? result[key] : null, value));
  }
  return result;
}

/**
 * A patch of an array: its length (capped, so a hostile patch cannot ask for a billion elements)
 * and elements by index below it, nothing else.
 */
function isArrayPatch(patch: JsonObject): boolean {
  const length = patch[ARRAY_LENGTH];
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_PATCHED_ARRAY) return false;
  return Object.keys(patch).every((key) => key === ARRAY_LENGTH || (/^(0|[1-9]\d*)$/.test(key) && Number(key) < length));
}

/** Longer arrays are not patched element by element (the schema allows 100,000 entries at most). */
const MAX_PATCHED_ARRAY = 100_000;

/** Sets an own field even when it is named `__proto__`, so a hostile patch cannot swap an object's prototype. */
function setField(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deep equality of two JSON values; field order does not matter. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

/** True for an empty patch: the target is the base. */
export function isEmptyPatch(patch: Json): boolean {
  return isObject(patch) && Object.keys(patch).length === 0;
}
