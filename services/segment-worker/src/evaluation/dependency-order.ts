/**
 * Segments in evaluation order: a segment comes after every segment its filter reads (those in
 * the list), so a segment-of-segment sees its dependencies' fresh answer. Cycles are refused by
 * the API; should one slip through, its members keep their input order instead of looping.
 */
export function dependencyOrder<T extends { _id: string; dependsOn: { segments: string[] } }>(
  segments: readonly T[],
): T[] {
  const byId = new Map(segments.map((s) => [s._id, s]));
  const state = new Map<string, 'open' | 'done'>();
  const out: T[] = [];
  for (const root of segments) {
    if (state.has(root._id)) continue;
    const stack: { s: T; next: number }[] = [{ s: root, next: 0 }];
    state.set(root._id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = top.s.dependsOn.segments;
      if (top.next >= deps.length) {
        state.set(top.s._id, 'done');
        out.push(top.s);
        stack.pop();
        continue;
      }
      const dep = byId.get(deps[top.next++]);
      if (dep && !state.has(dep._id)) {
        state.set(dep._id, 'open');
        stack.push({ s: dep, next: 0 });
      }
    }
  }
  return out;
}

/** Live segments whose filter reads `segmentId` (directly). */
export function dependentsOf<T extends { _id: string; dependsOn: { segments: string[] } }>(
  segments: readonly T[],
  segmentId: string,
): T[] {
  return segments.filter((s) => s._id !== segmentId && s.dependsOn.segments.includes(segmentId));
}
