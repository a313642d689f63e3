import { TerraformStack, TerraformVariable } from 'cdktf';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH, PASSPHRASE_PATTERN } from '../lib/contract';
import {
  SECRETS_VERSION_VARIABLE,
  SRT_PASSPHRASE_VARIABLE,
  youtubeKeyVariable,
} from '../lib/secrets';

export interface EventInputs {
  readonly passphrase: TerraformVariable;
  readonly streamKeys: ReadonlyMap<string, TerraformVariable>;
  /** Version of the write-only vault values (lib/secrets.ts SECRETS_VERSION_VARIABLE). */
  readonly secretsVersion: TerraformVariable;
}

/**
 * The event's secrets as sensitive, ephemeral variables with no default: terraform reads them
 * from TF_VAR_* at deploy time, so no value is ever synthesized, committed or logged, and
 * (ephemeral) terraform refuses them anywhere but write-only arguments, here the Key Vault
 * secrets' value_wo: they reach no plan and no state.
 */
export function addEventInputs(stack: TerraformStack, languages: readonly string[]): EventInputs {
  const passphrase = new TerraformVariable(stack, SRT_PASSPHRASE_VARIABLE, {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: `SRT passphrase for ingest and mixer pulls (${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters).`,
    validation: [
      {
        condition: `\${length(var.${SRT_PASSPHRASE_VARIABLE}) >= ${PASSPHRASE_MIN_LENGTH} && length(var.${SRT_PASSPHRASE_VARIABLE}) <= ${PASSPHRASE_MAX_LENGTH}}`,
        errorMessage: `srt_passphrase must be ${PASSPHRASE_MIN_LENGTH} to ${PASSPHRASE_MAX_LENGTH} characters (SRT's rule).`,
      },
      {
        // The images put it unescaped into SRT URIs: the same rule as the containers check.
        condition: `\${can(regex("${PASSPHRASE_PATTERN.source}", var.${SRT_PASSPHRASE_VARIABLE}))}`,
        errorMessage:
          'srt_passphrase may hold only A-Z, a-z, 0-9 and . _ ~ - (it travels inside SRT URLs).',
      },
    ],
  });
  const streamKeys = new Map<string, TerraformVariable>();
  for (const language of languages) {
    const name = youtubeKeyVariable(language);
    streamKeys.set(
      language,
      new TerraformVariable(stack, name, {
        type: 'string',
        sensitive: true,
        nullable: false,
        description: `YouTube stream key of the ${language} channel.`,
        validation: [
          {
            condition: `\${length(trimspace(var.${name})) > 0}`,
            errorMessage: `${name} is empty: give the ${language} channel's stream key.`,
          },
        ],
      }),
    );
  }
  // cdktf 0.21 has no ephemeral option; the override writes `ephemeral = true` into the
  // variable block (Terraform 1.10+).
  for (const variable of [passphrase, ...streamKeys.values()])
    variable.addOverride('ephemeral', true);
  // Not a secret: a number that only says "write the values again". Terraform cannot compare a
  // write-only value with what it wrote before, so a new version is how a changed key reaches
  // the vault; the engine passes the deploy's time in seconds.
  const secretsVersion = new TerraformVariable(stack, SECRETS_VERSION_VARIABLE, {
    type: 'number',
    default: 1,
    nullable: false,
    description: 'Version of the write-only Key Vault values; a new number writes them again.',
  });
  return { passphrase, streamKeys, secretsVersion };
}
