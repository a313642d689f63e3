import { App, Testing } from 'cdktf';
import { PlatformStack, PlatformStackProps } from '../../stacks/platform-stack';
import {
  PlatformSettings,
  resolvePlatformSettings,
  PlatformSettingsInput,
} from '../../lib/platform-settings';

export interface TerraformDoc {
  terraform: Record<string, any>;
  provider: Record<string, any[]>;
  data: Record<string, Record<string, any>>;
  resource: Record<string, Record<string, any>>;
  output: Record<string, { value: string; description?: string }>;
}

/** Settings of a production platform with overrides; the committed file is not involved. */
export function testSettings(input: Partial<PlatformSettingsInput> = {}): PlatformSettings {
  return resolvePlatformSettings('production', { nameSuffix: 'abc123', ...input });
}

export function synthPlatform(
  input: Partial<PlatformSettingsInput> = {},
  props: Omit<PlatformStackProps, 'settings'> = {},
): { stack: PlatformStack; json: string; doc: TerraformDoc } {
  const app: App = Testing.app();
  const stack = new PlatformStack(app, { settings: testSettings(input), ...props });
  const json = Testing.synth(stack, true);
  return { stack, json, doc: JSON.parse(json) };
}

/** All resources of one type. */
export function resourcesOf(
  doc: { resource?: Record<string, Record<string, any>> },
  type: string,
): any[] {
  return Object.values(doc.resource?.[type] ?? {});
}

/** The one resource of a type; fails when there is not exactly one. */
export function onlyResource(
  doc: { resource?: Record<string, Record<string, any>> },
  type: string,
): any {
  const all = resourcesOf(doc, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}
