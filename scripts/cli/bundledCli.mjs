// Runs one of the TypeScript CLIs from a single bundled file instead of through tsx: tsx compiles and
// loads each of the CLI's ~75 modules through its loader thread on every start (≈ 0.85 s of CPU before
// the grader reads its first submission), while the bundle starts in ≈ 0.1 s. The bundle is built by
// esbuild into .cache/cli/ (git-ignored, inside the project so its packages resolve from node_modules)
// and built again whenever the content of any of its sources changed (a SHA-256 over them).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Hash of the sources a bundle was built from (their paths and contents), or null when one is gone. */
function sourcesHash(inputs) {
  const h = createHash('sha256');
  h.update(`${process.version}\0${esbuild.version}\0`);
  for (const rel of inputs) {
    try {
      h.update(`${rel}\0`).update(fs.readFileSync(path.join(root, rel))).update('\0');
    } catch {
      return null;
    }
  }
  return h.digest('hex');
}

// Source files keep their own location: `import.meta.url` (how the engine finds the sandbox harness's
// sources and the project root) is written into each one as its original file's URL.
const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

async function build(entry, out, metaFile) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    outfile: out,
    plugins: [ownUrls],
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules')).sort();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name and renamed: a CLI started meanwhile reads the old bundle or the new one, never half of one.
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, out);
  fs.writeFileSync(`${metaFile}.${process.pid}.tmp`, JSON.stringify({ inputs, hash: sourcesHash(inputs) }));
  fs.renameSync(`${metaFile}.${process.pid}.tmp`, metaFile);
}

/** Builds `entry` (relative to the project) when its sources changed, then runs it in this process. */
export async function runBundledCli(entry, name) {
  const out = path.join(root, '.cache', 'cli', `${name}.mjs`);
  const metaFile = path.join(root, '.cache', 'cli', `${name}.json`);
  let fresh = false;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    fresh = fs.existsSync(out) && Array.isArray(meta.inputs) && meta.hash === sourcesHash(meta.inputs);
  } catch {
    fresh = false;
  }
  if (!fresh) {
    try {
      await build(entry, out, metaFile);
    } catch (err) {
      // A user who may not write into the project (another account than the checkout's): the sources
      // run through tsx, as before there was a bundle. Any other build failure is reported as it is.
      if (!['EACCES', 'EPERM', 'EROFS'].includes(err?.code)) throw err;
      const { register } = await import('tsx/esm/api');
      register();
      await import(pathToFileURL(path.join(root, entry)).href);
      return;
    }
  }
  await import(pathToFileURL(out).href);
}
