import type { Connection } from 'mongoose';
import {
  CommandCounter,
  connectMongo,
  isMongoReady,
  type MongoOptions,
} from '@switchboard/storage';

/** The service's own database: one mongoose connection, closed last at shutdown. */
export class MongoDatabase {
  private constructor(
    readonly connection: Connection,
    /** Commands sent, by name, when DB_COMMAND_COUNTS is on. */
    readonly commands?: CommandCounter,
  ) {}

  static async connect(
    url: string,
    dbName: string,
    appName: string,
    writeStrategy: MongoOptions['writeStrategy'] = 'auto',
    { countCommands = false } = {},
  ): Promise<MongoDatabase> {
    const connection = await connectMongo({
      url,
      dbName,
      appName,
      writeStrategy,
      monitorCommands: countCommands,
    });
    if (!countCommands) return new MongoDatabase(connection);
    const counter = new CommandCounter();
    counter.attach(connection);
    return new MongoDatabase(connection, counter);
  }

  get ready(): boolean {
    return isMongoReady(this.connection);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
