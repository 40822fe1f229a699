'use strict';
// What the browser benchmark scripts in tests/perf share: their command-line reading and
// the chain program they time (not a test).

/** The value after the flag `name` (`--chain 100`), or `fallback`. */
function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A chain of `n` statements, each reading the one before: 3 forward ops per statement. */
function chainProgram(n) {
  const lines = ['a1 = sin(x1)*x2'];
  for (let i = 2; i <= n; i++) lines.push(`a${i} = a${i - 1}*x1 + sin(a${i - 1})`);
  return lines.join('\n');
}

module.exports = { arg, chainProgram };
