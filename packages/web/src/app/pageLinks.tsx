// The pages the signed-in user may open by themselves, as the menu lists them, for pages that link to
// them (the workbench's shortcuts). MainLayout provides them from the route table: a context, so that the
// pages the route table loads need not import the table back.
import { createContext, useContext, type ReactNode } from 'react';
import type { MsgKey } from './messages/zh.ts';

export interface PageLink {
  path: string;
  label: MsgKey;
  icon?: ReactNode;
}

const PageLinksContext = createContext<readonly PageLink[]>([]);

export const PageLinksProvider = PageLinksContext.Provider;

/** The user's pages in route-table order (empty outside the main layout). */
export function usePageLinks(): readonly PageLink[] {
  return useContext(PageLinksContext);
}
