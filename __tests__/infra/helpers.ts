import { App, ref, Testing, Token } from 'cdktf';
import { EventConfig, EventDefinition, resolveEvent } from '../../lib/event-model';
import { EventStack, EventStackProps } from '../../stacks/event-stack';

export const FIXED_NOW = new Date('2026-03-01T10:00:00Z');

/** A validated event with test defaults; no process environment leaks in. */
export function testEvent(
  def: Partial<EventDefinition> = {},
  env: NodeJS.ProcessEnv = {},
): EventConfig {
  // platform: null keeps a developer's deployed platform state out of the assertions.
  // mixer: the stack tests were written for OBS VMs; container events set it themselves.
  return resolveEvent(
    { name: 'Test Event', mixer: 'obs', ...def },
    { now: FIXED_NOW, env, platform: null },
  );
}

export interface TerraformDoc {
  terraform: Record<string, any>;
  resource: Record<string, Record<string, any>>;
  variable: Record<string, any>;
  output: Record<string, any>;
}

/** Synthesizes one EventStack with validations (policy rules included) and parses it. */
export function synthEventStack(
  def: Partial<EventDefinition> = {},
  props: Omit<EventStackProps, 'event'> = {},
  env: NodeJS.ProcessEnv = {},
): { stack: EventStack; json: string; doc: TerraformDoc } {
  const app: App = Testing.app();
  const stack = new EventStack(app, { event: testEvent(def, env), ...props });
  const json = Testing.synth(stack, true);
  return { stack, json, doc: JSON.parse(json) };
}

/** All resources of one type, as a list of configs. */
export function resourcesOf(doc: TerraformDoc, type: string): any[] {
  return Object.values(doc.resource[type] ?? {});
}

/**
 * A vault reader as the stack's EventSecrets gives one (references, which terraform resolves),
 * for constructs synthesized alone.
 */
export const TEST_READER = {
  vaultUrl: Token.asString(ref('azurerm_key_vault.kv.vault_uri')),
  clientId: Token.asString(ref('azurerm_user_assigned_identity.reader.client_id')),
  identityId: Token.asString(ref('azurerm_user_assigned_identity.reader.id')),
} as const;
