/**
 * The round's last two steps as DOM: the Leaderboard (teams ranked by score, with their figures;
 * the weights beside it re-rank at once) and the Debrief (each team's service level per interval
 * as small multiples on the same axes).
 */
import { h } from '../dom';
import { formatDecimal, formatInteger, formatMoney, formatPercent, t } from '../i18n/i18n';
import { serviceLevelChart } from './round-chart';
import { weightedKpis, weightsFieldset } from './round-steps';
import type { RoundHost } from './round-host';

function notRun(): Node[] {
  return [h('p', { class: 'note', text: t('round.notRun') })];
}

export function leaderboardStep(view: RoundHost): Node[] {
  const { round } = view.current;
  const results = round.results;
  if (!results) return notRun();
  const standings = view.standings();
  const figures = results.teams;
  const has = (pick: (f: (typeof figures)[number]) => number | null) => figures.some((f) => pick(f) !== null);
  const currency = view.currency;
  const columns: { key: Parameters<typeof t>[0]; cell: (s: (typeof standings)[number]) => string | HTMLElement; className?: string }[] = [
    { key: 'round.rank', cell: (s) => formatInteger(s.rank), className: 'rank' },
    { key: 'round.team', cell: (s) => round.teams[s.team].name, className: 'team' },
    ...(has((f) => f.serviceLevel) ? [{ key: 'round.serviceLevel' as const, cell: (s: (typeof standings)[number]) => formatPercent(s.figures.serviceLevel, 1) }] : []),
    ...(has((f) => f.abandonRate) ? [{ key: 'round.abandoned' as const, cell: (s: (typeof standings)[number]) => formatPercent(s.figures.abandonRate, 1) }] : []),
    ...(has((f) => f.onTimeRate) ? [{ key: 'round.onTime' as const, cell: (s: (typeof standings)[number]) => formatPercent(s.figures.onTimeRate, 1) }] : []),
    ...(currency !== null && has((f) => f.costPerDay) ? [{ key: 'round.costPerDay' as const, cell: (s: (typeof standings)[number]) => formatMoney(s.figures.costPerDay, currency) }] : []),
    ...(round.budgetPerDay !== null
      ? [{ key: 'round.budgetColumn' as const, cell: (s: (typeof standings)[number]) => h('span', { class: s.overBudget ? 'over-budget' : 'within-budget', text: t(s.overBudget ? 'round.overBudget' : 'round.withinBudget') }) }]
      : []),
    { key: 'round.score', cell: (s) => formatDecimal(Math.round(s.score * 10) / 10), className: 'score' },
  ];
  const table = h(
    'table',
    { id: 'round-leaderboard', class: 'round-table' },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: c.className, text: t(c.key) })))),
    h(
      'tbody',
      {},
      ...standings.map((s) =>
        h('tr', { 'data-team': s.team, class: s.rank === 1 ? 'first' : undefined }, ...columns.map((c) => {
          const value = c.cell(s);
          return h(c.key === 'round.team' ? 'th' : 'td', { class: c.className, ...(c.key === 'round.team' ? { scope: 'row' } : {}) }, value);
        })),
      ),
    ),
  );
  const next = h('button', { type: 'button', id: 'round-to-debrief', class: 'primary', text: t('round.toDebrief') });
  next.addEventListener('click', () => view.goTo('debrief'));
  return [
    h('p', { class: 'note', text: `${view.sourceLabel(round.source)} · ${t('round.leaderboardNote', { seed: String(round.seed), replications: formatInteger(round.replications) })}` }),
    h('div', { class: 'round-board' }, h('div', { class: 'round-table-wrap' }, table), weightsFieldset(view, weightedKpis(view))),
    h('div', { class: 'round-actions' }, next),
  ];
}

/** Small multiples, drawn once the grid is in the page (uPlot needs the cell's width). */
export function debriefStep(view: RoundHost, body: HTMLElement): Node[] {
  const { round } = view.current;
  const results = round.results;
  if (!results) return notRun();
  if (!results.teams.some((team) => team.intervalServiceLevel.some((v) => v !== null))) return [h('p', { class: 'note', text: t('round.noQueues') })];
  const ranks = new Map(view.standings().map((s) => [s.team, s.rank]));
  const cells = round.teams.map((team, i) => {
    const plot = h('div', { class: 'round-chart' });
    return { plot, cell: h('figure', { class: 'round-multiple', 'data-team': i }, h('figcaption', { text: `${formatInteger(ranks.get(i) ?? i + 1)}. ${team.name} · ${formatPercent(results.teams[i].serviceLevel, 1)}` }), plot) };
  });
  const grid = h('div', { class: 'round-multiples' }, ...cells.map((c) => c.cell));
  queueMicrotask(() => {
    if (!body.contains(grid)) return;
    cells.forEach(({ plot }, i) => serviceLevelChart(plot, results.intervals, results.teams[i].intervalServiceLevel, plot.clientWidth));
  });
  return [h('p', { class: 'note', text: t('round.debriefNote') }), grid];
}
