import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7) for documents and events: sortable, unique without coordination. */
export const newId = (): string => v7();
