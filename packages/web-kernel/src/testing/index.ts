/**
 * @mutua/web-kernel/testing: fakes and renderers for web tests, so modules test their pages the way the kernel does.
 * @module
 */

export {
  badInput,
  connectionOf,
  emptyAuditHistory,
  type GqlAnswer,
  type GqlCall,
  gqlError,
  mockGql,
  sentTo,
} from './mock-gql';
export { dryRunResult, mockRest } from './mock-rest';
export { renderApp, testUser } from './render-app';
