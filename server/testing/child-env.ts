/**
 * What a server started by a test inherits from the test's own environment: `PATH`, and a clock moved with
 * `faketime` (its `LD_PRELOAD` and `FAKETIME*` variables; docs/testing.md), so the server's clock is the test's.
 * Nothing else leaks in: each test names the settings it starts the server with.
 */
export function inheritedEnv(): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (
      name === 'PATH' ||
      name === 'LD_PRELOAD' ||
      name === 'DONT_FAKE_MONOTONIC' ||
      name.startsWith('FAKETIME')
    )
      kept[name] = value;
  }
  return kept;
}
