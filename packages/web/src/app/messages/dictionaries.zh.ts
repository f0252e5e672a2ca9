// Chinese strings of the dictionaries page (字典管理); merged into zh.ts.
export const dictionariesZh = {
  'menu.dictionaries': '字典管理',
  'dict.help':
    '行业、资金来源、标签和问题类别由全部区划共用。条目只停用不删除：已使用它的项目和事项保留原值，新填报时不再可选。',
  'shared.readOnly':
    '本设置由全部区划共用，由系统管理员和{region}重点办维护；您可以查看，如需调整请联系他们。',
  'dict.add': '新增{kind}',
  'dict.edit': '编辑{kind}',
  'dict.code': '代码',
  'dict.codeHelp': '代码是首次填写的名称，记录中保存的是代码，修改名称不影响已有记录。',
  'dict.label': '名称',
  'dict.labelHelp': '同一字典中名称不能重复。',
  'dict.labelEn': '英文名称',
  'dict.labelEnHelp': '英文界面显示；不填则显示中文名称。',
  'dict.sort': '排序',
  'dict.sortHelp': '数字小的排在前面。',
  'dict.saved': '已保存',
  'dict.deactivateConfirm': '停用「{label}」？已使用它的记录保留原值，新记录不能再选。',
} as const;
