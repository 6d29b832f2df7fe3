import mongoose from 'mongoose';

export interface ScanHit {
  db: string;
  collection: string;
  id: string;
  doc: Record<string, unknown>;
}

/**
 * Every document of every collection of every database of a test namespace (`<id>_<service>`),
 * as the services stored it. For tests that must prove something is nowhere (an erasure) or
 * that no reference to a record is left (a merge). Test databases are small.
 */
export async function scanDatabases(
  mongoUrl: string,
  namespaceId: string,
  match: (doc: Record<string, unknown>, json: string) => boolean,
): Promise<ScanHit[]> {
  const conn = await mongoose.createConnection(mongoUrl).asPromise();
  try {
    const admin = conn.db!.admin();
    const { databases } = await admin.listDatabases({ nameOnly: true });
    const hits: ScanHit[] = [];
    for (const { name } of databases) {
      if (!name.startsWith(`${namespaceId}_`)) continue;
      const db = conn.useDb(name, { useCache: false }).db!;
      for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
        for await (const doc of db.collection(c.name).find({})) {
          const json = JSON.stringify(doc);
          if (match(doc, json)) {
            hits.push({ db: name, collection: c.name, id: String(doc._id), doc });
          }
        }
      }
    }
    return hits;
  } finally {
    await conn.close();
  }
}

/** Whether any of the strings occurs in the JSON text, case-insensitively. */
export const mentions =
  (...needles: string[]) =>
  (_doc: unknown, json: string): boolean => {
    const text = json.toLowerCase();
    return needles.some((n) => text.includes(n.toLowerCase()));
  };
