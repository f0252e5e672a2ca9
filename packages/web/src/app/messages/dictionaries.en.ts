// English strings of the dictionaries page; merged into en.ts.
import type { dictionariesZh } from './dictionaries.zh.ts';

export const dictionariesEn: Record<keyof typeof dictionariesZh, string> = {
  'menu.dictionaries': 'Dictionaries',
  'dict.help':
    'Sectors, funding sources, tags and item categories are shared by every region. Entries are deactivated, never deleted: projects and items that use one keep it, new ones can no longer pick it.',
  'shared.readOnly':
    'These settings are shared by every region and kept by the administrator and the {region} office; you may read them. Ask them for a change.',
  'dict.add': 'New {kind}',
  'dict.edit': 'Edit {kind}',
  'dict.code': 'Code',
  'dict.codeHelp':
    'The code is the label as first written; records store the code, so editing the label changes no record.',
  'dict.label': 'Label',
  'dict.labelHelp': 'Labels are unique within a dictionary.',
  'dict.labelEn': 'English label',
  'dict.labelEnHelp': 'Shown in the English UI; left empty, the Chinese label is shown.',
  'dict.sort': 'Order',
  'dict.sortHelp': 'Lower numbers come first.',
  'dict.saved': 'Saved',
  'dict.deactivateConfirm': 'Deactivate “{label}”? Records using it keep it; new ones can no longer pick it.',
};
