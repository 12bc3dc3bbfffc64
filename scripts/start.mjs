#!/usr/bin/env node
// `npm start`: install, build the web app and the chat widget, then provision, migrate, seed and run everything.
import { install, run } from './pnpm.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Switchboard needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}
install();
run(['--filter', '@switchboard/web', 'build']);
run(['--filter', '@switchboard/widget', 'build']);
run(['--filter', '@switchboard/stack', 'start']);
