// Chinese UI strings of assessment: schemes, the score ledger, rankings (红黑榜), score cards and 红黄牌.
export const assessmentScoresZh = {
  'menu.assessmentGroup': '考核评价',
} as const;
