/**
 * `pnpm wiro-emulator [options]`: starts the emulator and prints how to reach it (stdout: the base
 * URL and credentials; stderr: progress). Stops cleanly on SIGINT/SIGTERM. Usage errors exit 2.
 */
import { formatUsage, parseCliArgs } from './cli-args.js';
import { emulatorEnv } from './client-env.js';
import { startEmulator } from './emulator.js';

const request = parseCliArgs(process.argv.slice(2), process.env);
if (request.kind === 'help') {
  process.stdout.write(formatUsage());
  process.exit(0);
}
if (request.kind === 'usage-error') {
  process.stderr.write(`wiro-emulator: ${request.message} (see --help)\n`);
  process.exit(2);
}

try {
  const emulator = await startEmulator(request.options);
  const info = {
    WIRO_API_SECRET: '',
    ...emulatorEnv(emulator),
    ledger: `${emulator.origin}/__emulator/ledger`,
  };
  process.stdout.write(
    request.json
      ? `${JSON.stringify(info)}\n`
      : `${Object.entries(info)
          .map(([key, value]) => (key === 'ledger' ? `# ledger: ${value}` : `${key}=${value}`))
          .join('\n')}\n`,
  );
  process.stderr.write(`wiro-emulator listening on ${emulator.url} (Ctrl-C to stop)\n`);
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`wiro-emulator: ${signal}, stopping\n`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(
    `wiro-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
