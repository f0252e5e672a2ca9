/**
 * The items module's door (DOMAIN §6): the engine other modules drive inside their own
 * transactions. A meeting raises its decisions and closes them out, an inspection raises its
 * rectifications, each atomically with its own writes: `raiseItem(trx, ctx, input)` and
 * `takeStep(trx, ctx, id, step)`. Reading an item applies its own read rule.
 */
export { itemDetail, raiseItem, readableItem } from './items.ts';
export { notifyDueSoon } from './jobs.ts';
export { takeStep } from './steps.ts';
export { itemCounts } from './queries.ts';
