/**
 * No child gets the passphrase in its argv, but ffmpeg and libsrt echo URLs and options in
 * their errors, so every line they write passes through here before it reaches a log.
 */
export function makeRedactor(secret: string | undefined): (line: string) => string {
  return (line) => {
    let out = line.replace(/(passphrase=)[^&'"\s]*/gi, '$1***');
    if (secret) out = out.split(secret).join('***');
    return out;
  };
}
