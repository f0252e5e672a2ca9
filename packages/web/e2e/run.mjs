// Browser flows against a running server (started by the caller): role menus, 403/404, units, login errors,
// a project's annual plan from draft to baseline, a monthly report from draft to verified, and a problem
// raised from a report through assignment, response and resolution to close-out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.E2E_BASE_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
const PASSWORD = process.env.E2E_PASSWORD || 'ducha-demo-2026';
const RESULTS = path.resolve(process.env.E2E_RESULTS_DIR || 'test-results');
const TIMEOUT = 15_000;

// Hard-coded on purpose (not derived from the contract): the menus each role must see. Top-level
// entries (and the open 组织机构 group's) in `menus`; the sub-menu groups in `groups`.
const ORG = ['行政区划', '单位', '职务', '人员'];
const WORK = ['项目管理', '月度调度', '督办事项', '组织机构'];
const demoUsers = [
  {
    username: 'admin',
    role: '系统管理员',
    menus: ['工作台', ...ORG, '用户管理', '审计日志'],
    groups: [...WORK, '设置'],
    forbidden: null,
  },
  {
    username: 'office',
    role: '重点办工作人员',
    menus: ['工作台', ...ORG, '用户管理'],
    groups: [...WORK, '设置'],
    forbidden: '/admin/audit',
  },
  {
    username: 'office_lindian',
    role: '重点办工作人员',
    menus: ['工作台', ...ORG, '用户管理'],
    groups: [...WORK, '设置'],
    forbidden: '/admin/audit',
  },
  { username: 'leader', role: '领导', menus: ['工作台', ...ORG], groups: WORK, forbidden: '/admin/users' },
  { username: 'unit', role: '责任单位', menus: ['工作台', ...ORG], groups: WORK, forbidden: '/admin/users' },
  {
    username: 'reporter',
    role: '项目填报员',
    menus: ['工作台', ...ORG],
    groups: WORK,
    forbidden: '/items/escalations',
  },
  {
    username: 'inspector',
    role: '督查人员',
    menus: ['工作台', ...ORG],
    groups: ['督办事项', '组织机构'],
    forbidden: '/settings/items',
  },
  { username: 'expert', role: '专家', menus: ['工作台'], groups: [], forbidden: '/items' },
];

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Warm-up: the first page of a cold browser (font caches, a 1 MB antd chunk) may be slow.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`, { timeout: 60_000 });
  await page.getByPlaceholder('用户名').waitFor({ timeout: 60_000 });
  await context.close();
});

after(async () => {
  await browser?.close();
});

/** Runs a flow in a fresh browser context; on failure saves a full-page screenshot. */
async function flow(name, fn) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  try {
    await fn(page);
  } catch (err) {
    await mkdir(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`screenshot: ${file} (url ${page.url()})`);
    for (const p of problems) console.error(`  ${p}`);
    throw err;
  } finally {
    await context.close();
  }
}

async function login(page, username, password = PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.locator('form button[type=submit]').click();
}

async function loginOk(page, username) {
  await login(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('sider').waitFor();
}

async function menuTexts(page) {
  const sider = page.getByTestId('sider');
  await sider.locator('.ant-menu-item').first().waitFor();
  const texts = await sider.locator('.ant-menu-item').allInnerTexts();
  return texts.map((s) => s.trim()).filter(Boolean);
}

/** The sub-menu groups' titles (项目管理, 督办事项, …). */
async function groupTexts(page) {
  const titles = await page.getByTestId('sider').locator('.ant-menu-submenu-title').allInnerTexts();
  return titles.map((s) => s.trim()).filter(Boolean);
}

async function logout(page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.goto(`${BASE}/`);
  await page.waitForURL((url) => url.pathname === '/login');
}

test('health endpoint answers', async () => {
  const res = await globalThis.fetch(`${BASE}/api/health`);
  assert.equal(res.status, 200);
});

test('wrong password shows the API error', () =>
  flow('wrong-password', async (page) => {
    await login(page, 'reporter', 'not-the-password-1');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /用户名或密码错误|锁定/);
    assert.ok(new URL(page.url()).pathname.startsWith('/login'));
  }));

for (const u of demoUsers) {
  test(`${u.username}: menus, forbidden route, logout`, () =>
    flow(`role-${u.username}`, async (page) => {
      await loginOk(page, u.username);
      // the menus as the workbench shows them (a leader lands on the 驾驶舱, which opens its group)
      if (new URL(page.url()).pathname !== '/') await page.goto(`${BASE}/`);
      assert.deepEqual((await menuTexts(page)).sort(), [...u.menus].sort(), `menus of ${u.username}`);
      assert.deepEqual((await groupTexts(page)).sort(), [...u.groups].sort(), `menu groups of ${u.username}`);
      assert.match(await page.getByTestId('user-menu').innerText(), new RegExp(u.role));
      if (u.forbidden) {
        await page.goto(`${BASE}${u.forbidden}`);
        await page.getByTestId('page-403').waitFor();
      }
      await page.goto(`${BASE}/no-such-page`);
      await page.getByTestId('page-404').waitFor();
      await logout(page);
    }));
}

test('unauthenticated visit goes to login and back to the page after sign-in', () =>
  flow('login-next', async (page) => {
    await page.goto(`${BASE}/org/units`);
    await page.waitForURL((url) => url.pathname === '/login' && url.search.includes('next='));
    await page.getByPlaceholder('用户名').fill('office');
    await page.getByPlaceholder('密码').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/org/units');
  }));

test('office creates a unit and finds it in the list', () =>
  flow('office-create-unit', async (page) => {
    const name = `E2E测试单位${Date.now().toString(36)}`;
    await loginOk(page, 'office');
    await page.goto(`${BASE}/org/units`);
    await page.getByTestId('unit-create').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('名称', { exact: true }).fill(name);
    await drawer.getByLabel('联系电话', { exact: true }).fill('0459-1234567');
    await page.getByTestId('unit-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('unit-search').locator('input').fill(name);
    await page.getByTestId('unit-search').locator('input').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    await row.getByRole('button', { name }).click();
    await page.getByTestId('audit-timeline').getByText('新建').waitFor();
  }));

test('office creates a project, saves a pro-rata plan draft, approves it as baseline 1', () =>
  flow('office-project-plan', async (page) => {
    const code = `E2E-${Date.now().toString(36)}`;
    await loginOk(page, 'office');
    await page.goto(`${BASE}/projects`);
    await page.getByTestId('project-create').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('项目编号', { exact: true }).fill(code);
    await drawer.getByLabel('项目名称', { exact: true }).fill(`E2E测试项目${code}`);
    await drawer.getByLabel('行业类别', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="工业"]').click();
    await drawer.getByLabel('总投资（万元）', { exact: true }).fill('5000');
    await page.getByTestId('project-save').click();
    await page.waitForURL((url) => /^\/projects\/\d+$/.test(url.pathname));
    await page
      .getByTestId('project-detail')
      .getByRole('heading', { name: `E2E测试项目${code}` })
      .waitFor();

    await page.getByRole('tab', { name: '计划与节点' }).click();
    await page.getByTestId('plan-edit-draft').click();
    await page.getByTestId('plan-annual').fill('1000.01');
    await page.getByTestId('plan-prorata').click();
    const plan = page.getByRole('dialog');
    // 100001 cents / 12: 8333 each, the last five months carry one more cent
    assert.equal(await plan.getByLabel('1月', { exact: true }).inputValue(), '83.33');
    assert.equal(await plan.getByLabel('12月', { exact: true }).inputValue(), '83.34');
    await page.getByTestId('plan-sum-check').getByText('分月合计等于年度计划 1,000.01 万元').waitFor();
    await plan.getByRole('button', { name: '添加节点' }).click();
    await plan.getByPlaceholder('节点名称').fill('主体封顶');
    await plan.getByPlaceholder('计划日期').click();
    await plan.getByPlaceholder('计划日期').fill('2026-08-31');
    await plan.getByPlaceholder('计划日期').press('Enter');
    await page.getByTestId('plan-save').click();
    await plan.waitFor({ state: 'hidden' });
    await page
      .getByTestId('plan-versions')
      .getByRole('cell', { name: '草稿', exact: true })
      .first()
      .waitFor();

    await page.getByTestId('plan-approve').click();
    await page.getByTestId('plan-approve-ok').click();
    await page.getByTestId('plan-versions').getByRole('cell', { name: '基线 1', exact: true }).waitFor();
    await page.getByTestId('plan-view').getByText('现行基线').first().waitFor();
    await page.getByTestId('plan-sum-ok').waitFor();
    await page.getByTestId('plan-milestones').getByText('主体封顶').waitFor();
  }));

test('reporter submits a monthly report, office returns it, reporter resubmits, office verifies', () =>
  flow('report-cycle', async (page) => {
    await loginOk(page, 'reporter');
    // the newest month that still has something to file (each run verifies one report)
    const fill = page.getByTestId('inbox-table').locator('a[data-testid^="inbox-fill-"]').first();
    for (let back = 1; back <= 12; back++) {
      const d = new Date(Date.now() + 8 * 3600_000);
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - back);
      const answered = page.waitForResponse((r) => r.url().includes('/api/reports/inbox'));
      await page.goto(`${BASE}/reports/inbox?month=${d.toISOString().slice(0, 7)}`);
      if ((await (await answered).json()).length) break;
    }
    await fill.click();
    await page.waitForURL((url) => /^\/projects\/\d+\/reports\/\d{4}-\d{2}$/.test(url.pathname));
    const reportPath = new URL(page.url()).pathname;
    const projectName = (await page.getByTestId('report-page').locator('a').first().innerText()).trim();
    const form = page.getByTestId('report-form');
    await page.getByTestId('report-investment').fill('123.45');
    await form.getByLabel('形象进度', { exact: true }).fill('主体结构施工至三层');
    await page.getByTestId('report-signer').fill('宋凯文');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-submit-ok').click();
    await page.getByTestId('report-banner').getByText('等待重点办审核').waitFor();
    await page.getByTestId('report-view').getByText('主体结构施工至三层').waitFor();
    await logout(page);

    await loginOk(page, 'office');
    await page.goto(`${BASE}${reportPath}`);
    await page.getByTestId('report-return').click();
    await page.getByTestId('report-return-reason').fill('本月完成投资与形象进度不符，请核实');
    await page.getByTestId('report-return-ok').click();
    await page.getByTestId('report-banner').getByText('本月完成投资与形象进度不符').waitFor();
    await logout(page);

    await loginOk(page, 'reporter');
    await page.goto(`${BASE}${reportPath}`);
    await page.getByTestId('report-banner').getByText('已被退回').waitFor();
    await page.getByTestId('report-investment').fill('98.60');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-submit-ok').click();
    await page.getByTestId('report-banner').getByText('等待重点办审核').waitFor();
    await logout(page);

    await loginOk(page, 'office');
    await page.goto(`${BASE}/reports/queue?month=${reportPath.slice(-7)}`);
    await page.getByTestId('queue-search').locator('input').fill(projectName);
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await page.locator(`.ant-table-row a[href="${reportPath}"]`).first().click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await page.getByTestId('report-verify').click();
    await page.getByTestId('report-verify-ok').click();
    await page.getByTestId('report-banner').getByText('审核通过').waitFor();
    await page.getByTestId('report-view').getByText('98.60').first().waitFor();
    await page.getByTestId('report-versions').getByText('已审核').waitFor();
  }));

/** Picks an option of the open antd select whose text contains `text`. */
async function pickOption(page, text) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

test('reporter raises a problem from a report, office assigns, unit responds and resolves, office closes', () =>
  flow('item-cycle', async (page) => {
    const title = `E2E拆迁问题${Date.now().toString(36)}`;
    const unitName = '大庆市住房和城乡建设局';
    const promised = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

    await loginOk(page, 'reporter');
    // a report that exists (has an id): drafts and returned ones first, else any current one
    const reportPath = await page.evaluate(async () => {
      const get = async (q) =>
        (await (await globalThis.fetch(`/api/reports?pageSize=50${q}`)).json()).items ?? [];
      const list = [...(await get('&status=draft')), ...(await get('&status=returned')), ...(await get(''))];
      const r = list.find((x) => x.current) ?? list[0];
      return r ? `/projects/${r.projectId}/reports/${r.year}-${String(r.month).padStart(2, '0')}` : null;
    });
    assert.ok(reportPath, 'the reporter has a monthly report');
    await page.goto(`${BASE}${reportPath}`);
    await page.getByTestId('report-raise-item').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('问题类别', { exact: true }).click();
    await pickOption(page, '征地拆迁');
    await page.getByTestId('item-title').fill(title);
    await page.getByTestId('item-description').fill('项目红线内仍有两户未完成拆迁，影响桩基施工，请协调。');
    await page.getByTestId('item-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('report-items').getByText(title).waitFor();
    await logout(page);

    // the office finds it in the ledger and assigns it to 市住建局
    await loginOk(page, 'office');
    await page.goto(`${BASE}/items`);
    await page.getByTestId('item-search').locator('input').fill(title);
    await page.getByTestId('item-search').locator('input').press('Enter');
    await page.locator('.ant-table-row', { hasText: title }).getByRole('link', { name: title }).click();
    await page.waitForURL((url) => /^\/items\/\d+$/.test(url.pathname));
    const itemPath = new URL(page.url()).pathname;
    await page.getByTestId('item-status').getByText('待交办').waitFor();
    await page.getByTestId('item-source-report').waitFor();
    await page.getByTestId('item-action-assign').click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('责任单位', { exact: true }).click();
    await page.keyboard.type('住房和城乡建设局');
    await pickOption(page, unitName);
    await page.getByTestId('item-step-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('item-status').getByText('已交办').waitFor();
    await page.getByTestId('item-unit').getByText(unitName).waitFor();
    await logout(page);

    // the unit answers with a plan and a promised date, then resolves it
    await loginOk(page, 'unit');
    await page.goto(`${BASE}${itemPath}`);
    await page.getByTestId('item-action-respond').click();
    await page.getByTestId('step-plan').fill('已约谈两户，由区征收办制定补偿方案，月底前完成签约和腾退。');
    await modal.getByLabel('承诺办结日期', { exact: true }).click();
    await modal.getByLabel('承诺办结日期', { exact: true }).fill(promised);
    await modal.getByLabel('承诺办结日期', { exact: true }).press('Enter');
    await page.getByTestId('item-step-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('item-status').getByText('已答复').waitFor();
    await page.getByTestId('item-plan').getByText('制定补偿方案').waitFor();
    await page.getByTestId('item-action-resolve').click();
    await page.getByTestId('step-resolution').fill('两户已签约腾退，桩基施工恢复。');
    await page.getByTestId('item-step-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('item-status').getByText('已办结').waitFor();
    await logout(page);

    // the office closes it out; the timeline shows every step
    await loginOk(page, 'office');
    await page.goto(`${BASE}${itemPath}`);
    await page.getByTestId('item-action-close').click();
    await page.getByTestId('item-step-ok').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('item-status').getByText('已销号').waitFor();
    const events = page.getByTestId('item-events');
    for (const action of ['raise', 'assign', 'respond', 'resolve', 'close'])
      await events.getByTestId(`item-event-${action}`).first().waitFor();
    for (const label of ['提出', '交办', '答复', '办结', '销号'])
      await events.getByText(label, { exact: true }).first().waitFor();
  }));

// ---- work first: each role's 工作台 ----
const workRows = {
  office: [
    'work-verify',
    'work-missing',
    'work-late',
    'work-itemsOverdue',
    'work-proposals',
    'work-adjustments',
    'work-planDrafts',
  ],
  office_lindian: ['work-verify', 'work-missing', 'work-itemsOverdue'],
  admin: ['work-verify', 'work-missing'],
  unit: ['work-overdue', 'work-returned', 'work-due', 'work-toAnswer'],
  reporter: ['work-overdue', 'work-returned', 'work-due', 'work-toAnswer'],
};
for (const [username, testIds] of Object.entries(workRows)) {
  test(`${username}: the 工作台 shows what waits, each count a link`, () =>
    flow(`work-${username}`, async (page) => {
      await loginOk(page, username);
      assert.equal(new URL(page.url()).pathname, '/');
      const card = page.getByTestId('work-card');
      await card.locator('.ant-list-item').first().waitFor();
      for (const id of testIds) await card.getByTestId(id).waitFor();
      // every row is a link with a count beside it
      const first = card.getByTestId(testIds[0]);
      assert.match(await first.locator('.ant-badge').innerText(), /^\d+$/);
    }));
}

test('a leader lands on the 驾驶舱 with its instructions', () =>
  flow('work-leader', async (page) => {
    await loginOk(page, 'leader');
    await page.waitForURL((url) => url.pathname === '/dashboard');
    const card = page.getByTestId('work-card');
    await card.getByTestId('work-iOpen').waitFor();
    await card.getByTestId('work-iClosed').waitFor();
  }));

test('the queue opens on the month with reports waiting, the light board on the latest close', () =>
  flow('work-months', async (page) => {
    await loginOk(page, 'office');
    const work = await (await page.request.get(`${BASE}/api/workbench`)).json();
    await page.goto(`${BASE}/reports/queue`);
    await page.waitForURL((url) => url.searchParams.get('month') === work.months.queue);
    if (work.office.reportsToVerify > 0) await page.locator('.ant-table-row').first().waitFor();
    await page.goto(`${BASE}/lights`);
    await page.waitForURL((url) => url.searchParams.get('month') === work.months.latestClose);
    // a count on the 工作台 opens its list: the overdue items
    await page.goto(`${BASE}/`);
    await page.getByTestId('work-itemsOverdue').getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/items' && url.searchParams.get('overdue') === 'true');
    await page.locator('.ant-table-row').first().waitFor();
  }));

// ---- spreadsheets from other producers (issue 10) ----
const FIXTURES = path.resolve(import.meta.dirname, '../../server/test/fixtures/xlsx');

test('a 责任分解表 written by openpyxl passes the dry run, its example row skipped; an encrypted file and mistakes say why', () =>
  flow('import-openpyxl', async (page) => {
    await loginOk(page, 'office_lindian');
    await page.goto(`${BASE}/projects/import`);
    await page.getByTestId('import-next').click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles(path.join(FIXTURES, 'openpyxl.xlsx'));
    const ignored = page.getByTestId('import-ignored');
    await ignored.waitFor();
    assert.match(await ignored.innerText(), /第 3 行是示例行/);
    const preview = page.getByTestId('import-preview');
    await preview.locator('.ant-table-row').nth(2).waitFor();
    assert.match(await preview.innerText(), /LD-2026-901/);
    await input.setInputFiles(path.join(FIXTURES, 'unreadable-encrypted.xlsx'));
    const errors = page.getByTestId('import-errors');
    await errors.getByText('文件设置了打开密码', { exact: false }).waitFor();
    // an office's mistakes: the twelve months as one group, a day that does not exist
    await input.setInputFiles(path.join(FIXTURES, 'openpyxl-mistakes.xlsx'));
    await errors.getByText('1–12月计划(万元)', { exact: true }).waitFor();
    await errors.getByText('日期不存在：2026 年 2 月只有 28 天').waitFor();
  }));
