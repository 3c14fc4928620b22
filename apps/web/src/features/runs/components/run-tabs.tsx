'use client';

import { usePathname, useSearchParams } from 'next/navigation';

export const RUN_TABS = ['overview', 'layers', 'visualize', 'evaluate'] as const;
export type TRunTab = (typeof RUN_TABS)[number];
const TITLES: Record<TRunTab, string> = { overview: 'Overview', layers: 'Layers', visualize: 'Visualize', evaluate: 'Evaluate' };

const isRunTab = (tab: string | null): tab is TRunTab => (RUN_TABS as readonly (string | null)[]).includes(tab);

/** The open tab lives in the URL (`?tab=layers`) so a reload or a shared link lands on it. */
export function useRunTab(): TRunTab {
  const tab = useSearchParams().get('tab');
  return isRunTab(tab) ? tab : 'overview';
}

/** `tabs`: the ones this run has (Visualize only for CNNs); all by default. */
export function RunTabs({ active, tabs = RUN_TABS }: { active: TRunTab; tabs?: readonly TRunTab[] }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const select = (tab: TRunTab) => {
    const next = new URLSearchParams(search.toString());
    // The default tab keeps the URL clean.
    if (tab === 'overview') next.delete('tab');
    else next.set('tab', tab);
    const qs = next.toString();
    // The native History API is synced with Next's router (useSearchParams updates) and,
    // unlike router.replace, costs no server round trip for a purely client-side switch.
    window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
  };
  return (
    <div className="tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          className={`tab${tab === active ? ' tab--active' : ''}`}
          aria-selected={tab === active}
          data-testid={`tab-${tab}`}
          onClick={() => select(tab)}
        >
          {TITLES[tab]}
        </button>
      ))}
    </div>
  );
}
