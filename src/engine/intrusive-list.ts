/**
 * A doubly linked list threaded through its members' own `prev`/`next` fields: O(1) append and
 * removal from anywhere with no allocation, oldest member first. Agents and clerks wait in such
 * lists (idle, lent to the back office) so that finding the longest-waiting one never scans.
 * A member is in at most one list at a time.
 */
export interface Linked<T> {
  prev: T | null;
  next: T | null;
}

export interface IntrusiveList<T extends Linked<T>> {
  head: T | null;
  tail: T | null;
  count: number;
}

export function emptyList<T extends Linked<T>>(): IntrusiveList<T> {
  return { head: null, tail: null, count: 0 };
}

export function linkLast<T extends Linked<T>>(list: IntrusiveList<T>, member: T): void {
  member.next = null;
  member.prev = list.tail;
  if (list.tail) list.tail.next = member;
  else list.head = member;
  list.tail = member;
  list.count++;
}

export function unlink<T extends Linked<T>>(list: IntrusiveList<T>, member: T): void {
  if (member.prev) member.prev.next = member.next;
  else list.head = member.next;
  if (member.next) member.next.prev = member.prev;
  else list.tail = member.prev;
  member.prev = null;
  member.next = null;
  list.count--;
}
