import mongoose, { type Connection } from 'mongoose';
import { detectWriteStrategy, useWriteStrategy, type WriteStrategy } from './write-strategy';

// Reject unknown paths in filters instead of silently matching everything.
mongoose.set('strictQuery', 'throw');
// Operator objects inside filter values (`{ email: { $gt: '' } }`) are wrapped in $eq, so
// input can never smuggle an operator in; code that needs operators wraps them in trusted().
mongoose.set('sanitizeFilter', true);

export interface MongoOptions {
  url: string;
  dbName: string;
  appName?: string;
  /** Build indexes at boot (on by default; off for read replicas of a huge collection). */
  autoIndex?: boolean;
  /** How versioned writes are made (write-strategy.ts); `auto` (default) asks the server. */
  writeStrategy?: 'auto' | WriteStrategy;
  /** Emit command monitoring events (for a CommandCounter); off by default: they cost a little. */
  monitorCommands?: boolean;
}

/** One connection per service, to the service's own database. */
export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    appName: options.appName,
    autoIndex: options.autoIndex ?? true,
    autoCreate: true,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
    monitorCommands: options.monitorCommands ?? false,
  });
  await connection.asPromise();
  const strategy = options.writeStrategy ?? 'auto';
  useWriteStrategy(
    connection,
    strategy === 'auto' ? await detectWriteStrategy(connection) : strategy,
  );
  return connection;
}

export const isMongoReady = (connection: Connection): boolean =>
  connection.readyState === mongoose.ConnectionStates.connected;

export { mongoose };
export const trusted = <T>(value: T): T => mongoose.trusted<T>(value);
