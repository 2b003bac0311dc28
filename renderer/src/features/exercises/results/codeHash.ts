// The fingerprint of the student's code, computed the way the engine records it with each run
// (sha256 over the files in name order, each name and content followed by a NUL), so the results
// panel can tell whether the code on screen is still the code those results came from.
export async function codeHash(files: Record<string, string>): Promise<string> {
  const text = Object.keys(files)
    .sort()
    .map((name) => `${name}\0${files[name]}\0`)
    .join('');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
