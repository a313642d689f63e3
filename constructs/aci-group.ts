import { HEALTH_PORT } from '../lib/contract';

/**
 * The parts of an ACI container group that every media image of this project (relay, splitter,
 * container mixer) shares, so the probe timing and the pull identity have one owner.
 */

/** Image pull through a managed identity, so no registry password exists anywhere. */
export interface RegistryPull {
  /** Login server, e.g. "crstreamprod.azurecr.io". */
  readonly server: string;
  /** Resource id of a user-assigned identity that holds AcrPull on that registry. */
  readonly identityId: string;
}

/** One exposed port of the group, also listed on its container. */
export interface AciPort {
  readonly port: number;
  readonly protocol: 'UDP' | 'TCP';
}

/**
 * An HTTP probe on the health server. Ten-second period, three failures: a container is
 * restarted (liveness) or taken out of routing (readiness) only after 30 s of failing, which
 * rides out one slow answer under load.
 */
export function healthProbe(path: string, initialDelaySeconds: number) {
  return {
    httpGet: [{ path, port: HEALTH_PORT, scheme: 'http' }],
    initialDelaySeconds,
    periodSeconds: 10,
    failureThreshold: 3,
    timeoutSeconds: 5,
  };
}

export interface PublicLinuxGroupProps {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly dnsNameLabel: string;
  readonly ports: readonly AciPort[];
}

/**
 * A public Linux group that restarts its container always. Public because Azure offers no UDP
 * path into a VNet container group; the SRT passphrase with enforced encryption protects it.
 */
export function publicLinuxGroupProps(props: PublicLinuxGroupProps) {
  return {
    name: props.name,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    osType: 'Linux',
    ipAddressType: 'Public',
    dnsNameLabel: props.dnsNameLabel,
    restartPolicy: 'Always',
    exposedPort: [...props.ports],
  };
}

/**
 * The group's user-assigned identities: the secrets reader always (the part reads its secrets
 * from Key Vault with it at start), and the registry pull identity with its registry
 * credential when the image is private. With two identities the part names the reader's
 * client id to IMDS (AZURE_CLIENT_ID).
 */
export function identityProps(pull: RegistryPull | undefined, readerIdentityId: string) {
  return {
    identity: {
      type: 'UserAssigned',
      identityIds: pull ? [pull.identityId, readerIdentityId] : [readerIdentityId],
    },
    ...(pull
      ? {
          imageRegistryCredential: [
            { server: pull.server, userAssignedIdentityId: pull.identityId },
          ],
        }
      : {}),
  };
}
