// Chinese strings of the 月度信息报表 import (导入月报); merged into zh.ts.
export const reportImportZh = {
  'menu.reportImport': '导入月报',
  'rimport.title': '导入月报（月度信息报表）',
  'rimport.link': '从 Excel 导入',
  'rimport.toQueue': '去审核队列',
  'rimport.step.sheet': '下载报表',
  'rimport.sheetHelp':
    '下载所选月份的月度信息报表：已列出您管理范围内的全部在建项目、上月完成投资、截至上月累计、上月形象进度和本年计划节点（灰色列，导入时不读取）。请单位填写白色列后交回，再在下一步上传。已报送或已审核的月报会带出系统中的数据，原样导入不会改变任何内容。',
  'rimport.backfillHelp':
    '补录以前月份：在「报送日期」列填写单位原始报送日期，按时/逾期据此计算；留空则按导入时间计算。已核对过的数据可勾选「导入即审核」。',
  'rimport.download': '下载 {y}年{m}月 报表',
  'rimport.verify': '导入即审核（数据已核对）',
  'rimport.dropHint': '上传 {y}年{m}月 的月度信息报表；选择文件后自动试导入，不会写入数据',
  'rimport.nothingToDo': '没有需要写入的行：表中月报与系统一致，或均未填写。',
  'rimport.checkOk': '试导入通过：将写入 {n} 份月报，{skipped} 行未填写（视为未报，跳过）。',
  'rimport.commit': '确认导入 {n} 份月报',
  'rimport.commitVerify': '确认导入并审核 {n} 份月报',
  'rimport.doneText':
    '新建 {created} 份，更新 {updated} 份，更正 {amended} 份，审核 {verified} 份，无变化 {unchanged} 份，未报 {skipped} 行。',
  'rimport.submittedOn': '报送日期',
  'rimport.action.create': '新建',
  'rimport.action.update': '覆盖并报送',
  'rimport.action.amend': '更正',
  'rimport.action.verify': '审核通过',
  'rimport.action.unchanged': '无变化',
  'rimport.action.skipped': '未报',
  'rimport.tag': '导入',
  'rimport.importedBy': '{by} 于 {at} 从 Excel 导入',
} as const;
