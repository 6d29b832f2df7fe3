export { mayWrite, assertMayWrite, assertMayAssignOwner } from './ownership';
export type { OwnershipContext } from './ownership';
export { assertCapability, assertMaySystemTag, assertMayTag } from './capability';
export type { CapabilityContext } from './capability';
export { readableOwners, mayRead, teammatesOf, ownerCondition } from './read-scope';
export type { ReadScopeContext } from './read-scope';
