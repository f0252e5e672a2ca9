/** Inspections (DOMAIN §7, issue 14): an inspection and its procedure. */
export {};
