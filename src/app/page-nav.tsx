import type { MouseEvent } from 'react';
import { useUiStore } from '../state/ui-store';
import type { Page } from '../state/url-codec';
import { pageHref } from '../state/use-url-sync';

const PAGES: { page: Page; label: string }[] = [
  { page: 'explorer', label: 'Explorer' },
  { page: 'methodology', label: 'Methodology' },
];

/** Header navigation; real links (so they open in a new tab too) that switch page in place. */
export function PageNav() {
  const page = useUiStore((s) => s.page);
  const setPage = useUiStore((s) => s.setPage);
  const filters = useUiStore((s) => s.filters);
  const go = (target: Page) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    setPage(target);
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="page-nav" aria-label="Pages">
      {PAGES.map((p) => (
        <a
          key={p.page}
          href={pageHref(p.page, filters)}
          aria-current={page === p.page ? 'page' : undefined}
          onClick={go(p.page)}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
