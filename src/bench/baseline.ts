import { createReadStream } from 'node:fs';

/**
 * The baseline of the benchmark: read the file (or files) and count the lines, nothing else. Whatever
 * `analyze` costs beyond this is parsing, building and analysing.
 */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: node dist/bench/baseline.js FILE…\n');
  process.exitCode = 2;
} else {
  let lines = 0;
  for (const path of paths) lines += await countLines(path);
  process.stdout.write(`${lines}\n`);
}
