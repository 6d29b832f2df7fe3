export { mayWrite, assertMayWrite, assertMayAssignOwner } from './ownership';
export type { OwnershipContext } from './ownership';
