// The category of a check item or a finding (检查事项类别) in the UI's language. The contract's
// categories (checkCategories, findingCategories) are codes of the item_category dictionary (the
// finding's rectification item carries its category into the ledger), so that dictionary labels them.
import { useCan } from '../app/auth.tsx';
import { useDictLabel } from './pickers.tsx';

/**
 * The label of a category code. The dictionaries are read with project.read: without it (an
 * inspector, an expert) the code shows, which is the category's Chinese name.
 */
export function useCategoryLabel() {
  const can = useCan();
  return useDictLabel('item_category', can('project.read'));
}

/** A select's options for the contract's categories (the values the server takes), labelled. */
export const categoryOptions = (codes: readonly string[], label: (code: string) => string) =>
  codes.map((c) => ({ value: c, label: label(c) }));
