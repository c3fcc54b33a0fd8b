// Admin command line for IT volunteers, scripts and disaster recovery. Runs under plain Node on
// the same core as the app. Passphrases come from standard input only.
import { runCli } from './cli/commands'
import { readAllStdin } from './cli/io'

let stdin: Promise<string[]> | null = null

const code = await runCli(process.argv.slice(2), {
  stdinLines: () => (stdin ??= readAllStdin(process.stdin)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
process.exitCode = code
