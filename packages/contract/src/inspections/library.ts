/** Inspections (DOMAIN §7, issue 14): the annual plan, themes, check items, libraries and figures. */
export {};
