// The categories of check items and findings (modules/inspections) are shown by the item_category dictionary's label in
// the UI's language, in every table and select of the inspection pages, while the selects still send
// the contract's values (the dictionary's codes), which is what the server stores.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCategories, findingCategories } from '@ducha/contract';
import { categoryOptions } from './category.ts';

describe('categoryOptions', () => {
  const en: Record<string, string> = { 工程进度: 'Progress', 招投标: 'Bidding' };
  const label = (c: string) => en[c] ?? c;
  it('sends the contract’s value and shows its label', () => {
    expect(categoryOptions(findingCategories, label).slice(0, 3)).toEqual([
      { value: '工程进度', label: 'Progress' },
      { value: '工程质量', label: '工程质量' },
      { value: '招投标', label: 'Bidding' },
    ]);
  });
  it('offers every category the server takes, in the contract’s order', () => {
    expect(categoryOptions(checkCategories, label).map((o) => o.value)).toEqual([...checkCategories]);
  });
});

/** The inspection pages' source files (not the tests). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * Left as it is: the public portal runs without a session, and the dictionaries are read signed in,
 * so it has no labels to show; its categories show as their codes (Chinese).
 */
const noDictionary = ['public/PublicPlanPage.tsx'];

describe('the inspection pages show categories by their labels', () => {
  const root = join(import.meta.dirname, '../modules/inspections');
  const files = sources(root).filter((f) => !noDictionary.includes(relative(root, f)));
  it('renders every category column through a label', () => {
    const raw = files.filter((f) => /dataIndex: 'category' \}/.test(readFileSync(f, 'utf8')));
    expect(raw.map((f) => relative(root, f))).toEqual([]);
  });
  it('labels every category select', () => {
    const raw = files.filter((f) =>
      /(check|finding)Categories\.map\(\(\w+\) => \(\{ value: \w+, label: \w+ \}\)\)/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(raw.map((f) => relative(root, f))).toEqual([]);
  });
  it('still leaves the public page to its codes (no session, no dictionaries)', () => {
    expect(readFileSync(join(root, noDictionary[0]!), 'utf8')).toMatch(/dataIndex: 'category' \}/);
  });
});
