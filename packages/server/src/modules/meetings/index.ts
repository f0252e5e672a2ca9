/**
 * The meetings module's door (DOMAIN §8). Nothing is offered to other modules yet: a meeting's
 * decisions live on as `decision` items (raised through the items engine in the meeting's
 * transaction), and the meeting shows on the timelines of the items and projects it touched
 * through the audit trail. `routes.ts` is registered by the application shell.
 */
export {};
