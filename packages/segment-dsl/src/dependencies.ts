import { isActivity, isAnd, isField, isNot, isOr, isSegment, type Filter } from './ast';

/** What a filter's answer depends on besides the profile's attributes. */
export interface FilterDependencies {
  /** Segments whose membership it reads (sorted, unique). */
  segments: string[];
  /** Its answer drifts with time alone (`within_last`, activity windows): re-evaluate on a schedule. */
  relativeTime: boolean;
  /** It reads behavioural counters: re-evaluate when they change. */
  activity: boolean;
}

export function dependenciesOf(filter: Filter): FilterDependencies {
  const segments = new Set<string>();
  let relativeTime = false;
  let activity = false;
  const visit = (f: Filter): void => {
    if (isAnd(f)) return f.and.forEach(visit);
    if (isOr(f)) return f.or.forEach(visit);
    if (isNot(f)) return visit(f.not);
    if (isSegment(f)) segments.add(f.segment);
    else if (isActivity(f)) {
      activity = true;
      // Without a window the count covers every kept day: it still changes as old days expire.
      relativeTime = true;
    } else if (isField(f) && f.op === 'within_last') relativeTime = true;
  };
  visit(filter);
  return { segments: [...segments].sort(), relativeTime, activity };
}

/** Ids of the segments a filter refers to (sorted, unique). */
export function segmentDependencies(filter: Filter): string[] {
  return dependenciesOf(filter).segments;
}

/**
 * A cycle in "segment → segments its filter refers to", as the path that closes it
 * (`['a', 'b', 'a']`), or `null`. Iterative, so a long chain cannot overflow the stack.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = graph.get(top.id) ?? [];
      if (top.next >= edges.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const to = edges[top.next++];
      const seen = state.get(to);
      if (seen === 'open') {
        const from = stack.findIndex((s) => s.id === to);
        return [...stack.slice(from).map((s) => s.id), to];
      }
      if (seen === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return null;
}
