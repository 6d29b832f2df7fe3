import { problemError } from './problem';

/** What an `openapi-fetch` call resolves to: the data, or the error body, and the response. */
export interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The data of a typed call, or its problem+json as a thrown `SwitchboardError`:
 * `const contact = await unwrap(sb.api.POST('/v1/contacts', { body }))`.
 */
export async function unwrap<D>(answer: Answer<D> | Promise<Answer<D>>): Promise<D> {
  const { data, error, response } = await answer;
  if (!response.ok) throw problemError(response, error);
  return data as D;
}

/** One page of a list answer: the API's keyset pages end when `nextCursor` is null. */
export interface PageOf<I> {
  items: I[];
  nextCursor?: string | null;
}

/**
 * Every item of a list, page after page, following `nextCursor`:
 * `for await (const c of paginate((cursor) => sb.api.GET('/v1/contacts', { params: { query: { cursor } } })))`.
 */
export async function* paginate<I>(
  page: (cursor: string | undefined) => Promise<Answer<PageOf<I>>>,
): AsyncGenerator<I, void, undefined> {
  let cursor: string | undefined;
  do {
    const data = await unwrap(page(cursor));
    yield* data.items;
    cursor = data.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** All items of a list in one array (for lists known to be small). */
export async function collect<I>(items: AsyncIterable<I>): Promise<I[]> {
  const all: I[] = [];
  for await (const item of items) all.push(item);
  return all;
}
