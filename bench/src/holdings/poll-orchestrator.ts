import { runHoldingsPollBench, type PollBenchOptions } from './holdings-poll-bench';

// Runs (a) and (b) in a process of their own, loaded with the server's tsconfig: the API app it
// starts (startTestApp, mode api) carries type-graphql decorators that the bench's own loader
// does not compile. The doubles live here too; the workers are children of this process.

const options = JSON.parse(process.env.BENCH_POLL_OPTIONS ?? '{}') as Omit<PollBenchOptions, 'log'>;
const result = await runHoldingsPollBench({ ...options, log: (s) => process.stderr.write(`${s}\n`) });
process.send!({ type: 'poll-result', result }, () => process.exit(0));
