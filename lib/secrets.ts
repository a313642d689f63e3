/**
 * Names of the sensitive inputs. Secrets enter the stack only as sensitive Terraform
 * variables, filled from TF_VAR_<name> in the environment of the terraform process, so the
 * synthesized JSON and the committed HCL hold references, never values.
 */

/** Terraform variable that carries one language's YouTube stream key. */
export function youtubeKeyVariable(language: string): string {
  return `youtube_key_${language.replace(/-/g, '_')}`;
}

/** Terraform variable that carries the SRT passphrase for ingest and mixer pulls. */
export const SRT_PASSPHRASE_VARIABLE = 'srt_passphrase';

/** Environment variable through which terraform reads a variable's value. */
export function tfVarEnv(variable: string): string {
  return `TF_VAR_${variable}`;
}
