/**
 * The lights module's door (DOMAIN §5): light rules, the month close, the board and overrides.
 * Others use the close (the CLI, the nightly job, the demo) and the scheduled job.
 */
export { runClose } from './close.ts';
export { latestCloseMonth, publishClose } from './closes.ts';
export { closeDueMonths, closingRegions } from './jobs.ts';
