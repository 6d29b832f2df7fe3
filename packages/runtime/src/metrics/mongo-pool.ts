import type { Connection } from 'mongoose';
import type { Metrics } from './metrics';

/**
 * Follows the driver's connection-pool events: connections checked out by an operation. Counting
 * starts once connected, so a check-in of an earlier check-out is not taken below 0.
 */
export function observeMongoPool(connection: Connection, metrics: Metrics): void {
  const client = connection.getClient();
  let inUse = 0;
  client.on('connectionCheckedOut', () => {
    inUse += 1;
    metrics.mongoPoolInUse.set(inUse);
  });
  client.on('connectionCheckedIn', () => {
    inUse = Math.max(0, inUse - 1);
    metrics.mongoPoolInUse.set(inUse);
  });
}
