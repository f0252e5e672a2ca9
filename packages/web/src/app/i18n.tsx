// Language state (zh first, English switch): the useT() hook, antd locale, dayjs locale (weekday and
// month names, the week starting on Monday in Chinese) and zod messages follow it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZh } from 'zod/locales';
import type { Lang } from '@ducha/contract';
import { zh, type MsgKey } from './messages/zh.ts';
import { en } from './messages/en.ts';
import { setApiLanguage } from '../api/client.ts';

const STORAGE_KEY = 'ducha.lang';
const dictionaries: Record<Lang, Record<MsgKey, string>> = { zh, en };

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLang(lang: Lang) {
  setApiLanguage(lang);
  z.config(lang === 'zh' ? zodZh() : zodEn());
  // the date pickers and the calendar name weekdays and months through dayjs (antd's locale names
  // the dayjs locale it wants, which must be loaded); dates made from now on format in it too
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = lang === 'zh' ? '督查 · 重点项目督查平台' : 'Ducha · Key Project Supervision';
}

export type TFunction = (key: MsgKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    applyLang(l);
    setLangState(l);
  }, []);
  const t = useCallback<TFunction>(
    (key, vars) => {
      let s = dictionaries[lang][key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The translate function of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
