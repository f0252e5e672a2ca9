/** Business dates are Asia/Shanghai calendar dates, whatever the server's time zone. */
const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China as 'YYYY-MM-DD'. */
export const todayInChina = (now = new Date()) => fmt.format(now);
