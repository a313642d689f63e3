/**
 * The pre-flight half of an AzureClient stand-in: a subscription that is enabled, every
 * resource provider registered, and an Owner's permissions. Tests that deploy the fixture
 * through a stand-in spread this in and set SUBSCRIPTION_ENV, so they run pre-flight too.
 */
import type { AzureClient } from '../../engine/types';

export const STAND_IN_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const SUBSCRIPTION_ENV = { ARM_SUBSCRIPTION_ID: STAND_IN_SUBSCRIPTION };

export const preflightReady: Pick<
  AzureClient,
  'getSubscription' | 'providerStates' | 'callerPermissions'
> = {
  getSubscription: async () => ({
    id: STAND_IN_SUBSCRIPTION,
    displayName: 'stand-in',
    state: 'Enabled',
  }),
  providerStates: async (namespaces) =>
    Object.fromEntries(namespaces.map((n) => [n, 'Registered'])),
  callerPermissions: async () => [{ actions: ['*'], notActions: [] }],
};
