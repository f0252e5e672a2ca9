/** Inspections (DOMAIN §7, issue 14): inspection groups and weekly site records; leading groups. */
export {};
