/**
 * Where each claim is written (its module under theorems/) and, when package.json names the
 * repository, the link to that file on the code host at the report's commit. Read from the files
 * at build time: a claim module declares `id: '<claim id>'` (or a template with the same text).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** claim id -> path of its module relative to root (forward slashes); ids not found are absent. */
export function claimSources(root: string, ids: string[]): Map<string, string> {
  // The registry, its groups, the dependency table and the LaTeX table name claims too; they do not define them.
  const notClaims = /^theorems\/(index|dependencies|latex)\.ts$|^theorems\/groups\//;
  const files = tsFiles(join(root, 'theorems')).map((f) => ({ path: relative(root, f).split(sep).join('/'), text: readFileSync(f, 'utf8') })).filter((f) => !notClaims.test(f.path));
  const out = new Map<string, string>();
  for (const id of ids) {
    const needles = [`id: '${id}'`, `id: "${id}"`, `id: \`${id}\``];
    const hit = files.find((f) => needles.some((n) => f.text.includes(n)));
    if (hit) out.set(id, hit.path);
  }
  return out;
}

/** The repository's web address from package.json (`repository` as a string or { url }), or undefined. */
export function repositoryUrl(root: string): string | undefined {
  let pkg: { repository?: string | { url?: string } };
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!raw) return undefined;
  let url = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '');
  const short = /^(github|gitlab|bitbucket):([^/]+\/[^/]+)$/.exec(url) ?? /^([^:/]+\/[^/]+)$/.exec(url);
  if (short) url = `https://${short.length === 3 ? `${short[1]}.${short[1] === 'bitbucket' ? 'org' : 'com'}` : 'github.com'}/${short[short.length - 1]}`;
  url = url.replace(/^git@([^:]+):/, 'https://$1/').replace(/^ssh:\/\/git@/, 'https://');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** Link to a file of the repository at a commit (or HEAD). */
export function sourceLink(repo: string, path: string, commit: string | null): string {
  return `${repo}/blob/${commit ?? 'HEAD'}/${path}`;
}
