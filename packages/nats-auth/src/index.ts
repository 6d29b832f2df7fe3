export {
  authRootPublicKeys,
  createAuthRoot,
  loadAuthRoot,
  parseAuthRoot,
  serializeAuthRoot,
  type NatsAuthRoot,
} from './root';
export {
  accountRevocations,
  appAccountJwt,
  currentAppAccountJwt,
  formatCreds,
  integrationUserCreds,
  operatorJwt,
  pushAccountJwt,
  revokeUsers,
  serverAuthConfig,
  serviceUserCreds,
  serviceUserCredsSync,
  systemUserCreds,
} from './accounts';
export {
  inboxPrefixFor,
  integrationPermissions,
  servicePermissions,
  SERVICE_GRANTS,
  type IntegrationIdentity,
  type IntegrationKind,
  type Permissions,
  type RpcService,
  type ServiceGrant,
  type ServiceUser,
} from './permissions';
export {
  credsClaims,
  credsConnectionOptions,
  credsFileConnectionOptions,
  inboxPrefixFromCreds,
  type NatsAuthOptions,
} from './connect';
export { nowSeconds } from './jwt';
