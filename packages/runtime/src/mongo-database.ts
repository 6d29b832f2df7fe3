import type { Connection } from 'mongoose';
import { connectMongo, isMongoReady, type MongoOptions } from '@switchboard/storage';

/** The service's own database: one mongoose connection, closed last at shutdown. */
export class MongoDatabase {
  private constructor(readonly connection: Connection) {}

  static async connect(
    url: string,
    dbName: string,
    appName: string,
    writeStrategy: MongoOptions['writeStrategy'] = 'auto',
  ): Promise<MongoDatabase> {
    return new MongoDatabase(await connectMongo({ url, dbName, appName, writeStrategy }));
  }

  get ready(): boolean {
    return isMongoReady(this.connection);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
