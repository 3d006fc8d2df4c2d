/**
 * The side column's views, one tab each. This registry is where a new view joins the page (the
 * workshop and the staffing plan come next): give its tab and panel elements in index.html and
 * what to do when it is shown; the tabs themselves, their keyboard and selection, work the same
 * for every view.
 */
import { byId } from './dom';

export interface SideView {
  /** The tab button's element id (role="tab"). */
  readonly tab: string;
  /** The panel's element id (role="tabpanel"). */
  readonly panel: string;
  /** Called after the view was shown (e.g. charts size their plots to the panel). */
  readonly shown?: () => void;
}

/** Wires the tabs: a click or ←/→ selects a view and shows its panel; the first view starts shown. */
export function connectViews(views: readonly SideView[]): void {
  const tabs = views.map((view) => byId<HTMLButtonElement>(view.tab));
  const panels = views.map((view) => byId(view.panel));
  const select = (index: number) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panels.forEach((panel, i) => (panel.hidden = i !== index));
    views[index].shown?.();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      event.stopPropagation();
      const next = (i + (event.key === 'ArrowLeft' ? tabs.length - 1 : 1)) % tabs.length;
      select(next);
      tabs[next].focus();
    });
  });
}
