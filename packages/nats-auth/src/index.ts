export {
  authRootPublicKeys,
  createAuthRoot,
  loadAuthRoot,
  parseAuthRoot,
  serializeAuthRoot,
  type NatsAuthRoot,
} from './root';
export {
  appAccountJwt,
  formatCreds,
  integrationUserCreds,
  operatorJwt,
  pushAccountJwt,
  serverAuthConfig,
  serviceUserCreds,
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
export { credsConnectionOptions } from './connect';
export { nowSeconds } from './jwt';
