// Loaded into the bots process by the memory bench only (`node --expose-gc --require bench/memory-probe.cjs`): on
// SIGUSR2 it prints one line with the process's memory as V8 and Node count it, before and after a full collection,
// so the bench can say what holds the RSS. Plain CommonJS: it loads before tsx does.
const v8 = require('node:v8');

const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
const usage = () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]));

process.on('SIGUSR2', () => {
  const before = usage();
  if (typeof global.gc === 'function') global.gc();
  const after = usage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
  process.stdout.write(`memory-probe ${JSON.stringify({ before, after, spaces })}\n`);
});
