/**
 * Runs a benchmark's probe in a fresh Node process (so its time and memory are its own, not what this process
 * already holds): `file` is run through tsx with `args`, and the first line it prints that starts with `{` is its
 * figures, as JSON.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function probeInChild<T>(file: string, args: string[], nodeFlags: string[] = ['--expose-gc']): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`probe ${path.basename(file)} ${args.join(' ')} failed (code ${code}): ${out}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}
