/** The workbench module's door: it offers nothing to other modules (it only reads theirs). */
export {};
