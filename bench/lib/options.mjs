// `--name value` options for the benchmark scripts (no parser dependency for a few flags).
export function optionValue(name, fallback, argv = process.argv) {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : argv[at + 1];
}
