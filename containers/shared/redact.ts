/**
 * No child gets the passphrase in its argv, but ffmpeg and libsrt echo URLs and options in
 * their errors, so every line they write passes through here before it reaches a log.
 * `secrets` may be a live collection: a passphrase changed from Key Vault joins it, and the
 * old one stays in it, since a child started before the change may still print it.
 */
export function makeRedactor(
  secrets: string | undefined | Iterable<string | undefined>,
): (line: string) => string {
  const list = (): Iterable<string | undefined> =>
    typeof secrets === 'string' || secrets === undefined ? [secrets] : secrets;
  return (line) => {
    let out = line.replace(/(passphrase=)[^&'"\s]*/gi, '$1***');
    for (const secret of list()) if (secret) out = out.split(secret).join('***');
    return out;
  };
}
