// Prints the functions with the most self time in a V8 .cpuprofile, grouped by function and
// file: `node --import tsx bench/src/tools/profile-summary.ts <file.cpuprofile> [top]`.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id)!;
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  total += ms;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^file:\/\/.*\/work\/[^/]+\//, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  const pkg =
    where.startsWith('node:') || !where
      ? where || '(native)'
      : where
          .split('/')
          .slice(0, where.startsWith('@') ? 2 : 1)
          .join('/');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
});
const show = (map: Map<string, number>, count: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, ms]) =>
        `${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${key}`,
    )
    .join('\n');
console.log(
  `total ${total.toFixed(0)} ms\n\nby package/folder:\n${show(byPackage, 25)}\n\nby function:\n${show(selfMs, Number(top))}`,
);
