// The category of a check item or a finding (检查事项类别) in the UI's language. The contract's
// categories (checkCategories, findingCategories) are codes of the item_category dictionary (the
// finding's rectification item carries its category into the ledger), so that dictionary labels them:
// `useDictLabel('item_category')`.

/** A select's options for the contract's categories (the values the server takes), labelled. */
export const categoryOptions = (codes: readonly string[], label: (code: string) => string) =>
  codes.map((c) => ({ value: c, label: label(c) }));
