// Chinese UI strings of assessment: enterprise credit (代建单位名录, 考评, 信用记录, the public list).
export const assessmentCreditZh = {} as const;
