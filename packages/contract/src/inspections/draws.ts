/** Inspections (DOMAIN §7, issue 14): the double-random draws (RFC 3797). */
export {};
