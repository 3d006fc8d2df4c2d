/**
 * Inspect: hover or click an agent's workstation, or a clerk's desk, to see its state, the call
 * or item in hand, time in state, group or team, skills and shift. Click pins the tooltip (Escape
 * or a click elsewhere unpins); the content refreshes with the wallboard while it is shown.
 * Everything shown is read from the Site's snapshots (the same the rooms draw); nothing is
 * computed here but differences of the model's own times.
 */
import type { SiteSnapshot, SiteSnapshotSource } from '../model/site/site-snapshot';
import { h } from './dom';
import { formatClock, formatDuration, stateLabel, t } from './i18n/i18n';
import type { NamedScenario } from '../model/scenario/display-names';
import type { NamedKind } from '../model/scenario/translations-schema';
import { shownForPlainName, shownName } from './display-names';

interface Subject {
  readonly kind: 'agent' | 'clerk';
  /** Index in the snapshot's agents or clerks. */
  readonly index: number;
  readonly source: SiteSnapshotSource;
}

export class AgentTooltip {
  private subject: Subject | null = null;
  private pinned = false;

  /** `scenario` gives the running scenario, whose names (in the page's language) the card shows. */
  constructor(
    private readonly element: HTMLElement,
    private readonly scenario: () => NamedScenario | null,
  ) {}

  get isPinned(): boolean {
    return this.pinned;
  }

  show(source: SiteSnapshotSource, agentIndex: number, x: number, y: number, now: number, pin = false): void {
    this.open({ kind: 'agent', index: agentIndex, source }, x, y, now, pin);
  }

  showClerk(source: SiteSnapshotSource, clerkIndex: number, x: number, y: number, now: number, pin = false): void {
    this.open({ kind: 'clerk', index: clerkIndex, source }, x, y, now, pin);
  }

  hide(force = false): void {
    if (this.pinned && !force) return;
    this.pinned = false;
    this.subject = null;
    this.element.hidden = true;
  }

  refresh(now: number): void {
    if (this.subject && !this.element.hidden) this.render(now);
  }

  private open(subject: Subject, x: number, y: number, now: number, pin: boolean): void {
    const current = this.subject;
    const same = current !== null && current.kind === subject.kind && current.index === subject.index && current.source === subject.source;
    if (this.pinned && !pin && !same) return;
    this.subject = subject;
    if (pin) this.pinned = true;
    this.render(now);
    this.element.hidden = false;
    const host = this.element.parentElement!;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const left = Math.min(Math.max(4, x + 14), host.clientWidth - width - 4);
    const top = y - height - 10 < 4 ? y + 18 : y - height - 10;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${Math.max(4, Math.min(top, host.clientHeight - height - 4))}px`;
  }

  private render(now: number): void {
    const subject = this.subject!;
    const snapshot = subject.source.snapshot();
    const scenario = this.scenario();
    const { title, rows } = subject.kind === 'agent' ? agentRows(snapshot, subject.index, now, scenario) : clerkRows(snapshot, subject.index, now, scenario);
    const list = h('dl');
    for (const [term, value] of rows) list.append(h('dt', { text: term }), h('dd', { text: value }));
    this.element.replaceChildren(h('h4', { text: title }), list);
  }
}

/** A thing's name as the page shows it: from the scenario's translations, else as the snapshot has it. */
function named(scenario: NamedScenario | null, kind: NamedKind, thing: { id: string; name: string }): string {
  return scenario ? shownName(scenario, kind, thing.id) : thing.name;
}

function plainNamed(scenario: NamedScenario | null, kinds: readonly NamedKind[], plain: string): string {
  return scenario ? shownForPlainName(scenario, kinds, plain) : plain;
}

function agentRows(snapshot: SiteSnapshot, index: number, now: number, scenario: NamedScenario | null): { title: string; rows: [string, string][] } {
  const voice = snapshot.voice;
  const agent = voice.agents[index];
  const group = voice.groups[agent.group];
  const rows: [string, string][] = [
    [t('tip.group'), named(scenario, 'agentGroups', group)],
    [t('tip.state'), stateLabel(agent.state)],
    [t('tip.timeInState'), formatDuration(now - agent.sinceSec)],
  ];
  if (agent.callId >= 0) {
    const queue = voice.queues[agent.callQueue];
    rows.push([t('tip.call'), t('tip.callValue', { id: agent.callId, queue: named(scenario, 'queues', queue), wait: formatDuration(Math.max(0, agent.answeredSec - agent.callArrivalSec)) })]);
    if (agent.endSec > now) rows.push([t('tip.endsIn'), formatDuration(agent.endSec - now)]);
  } else if (agent.dialId >= 0) {
    rows.push([t('tip.dial'), t('tip.dialValue', { id: agent.dialId, campaign: named(scenario, 'campaigns', voice.campaigns[agent.dialCampaign]) })]);
  } else {
    rows.push([t('tip.call'), t('tip.none')]);
  }
  rows.push([t('tip.skills'), group.skills.map((skill) => plainNamed(scenario, ['queues', 'campaigns'], skill)).join(', ')]);
  const plan = group.shifts.find((p) => agent.indexInGroup >= p.firstAgent && agent.indexInGroup < p.endAgent);
  rows.push([
    t('tip.shift'),
    plan ? `${formatClock(plan.startSec, false)}–${formatClock(plan.endSec, false)} · ${agent.onShift ? t('tip.onShift') : t('tip.offShift')}` : t('tip.noShift'),
  ]);
  return { title: t('tip.agent', { id: agent.id }), rows };
}

function clerkRows(snapshot: SiteSnapshot, index: number, now: number, scenario: NamedScenario | null): { title: string; rows: [string, string][] } {
  const office = snapshot.backOffice!;
  const clerk = office.clerks[index];
  const team = office.teams[clerk.team];
  const rows: [string, string][] = [
    [t('tip.team'), plainNamed(scenario, ['teams'], team.name)],
    [t('tip.state'), t(`clerk.${clerk.state === 'offline' ? 'off' : clerk.state}` as 'clerk.off')],
    [t('tip.timeInState'), formatDuration(now - clerk.sinceSec)],
  ];
  if (clerk.itemId >= 0) {
    const due = clerk.itemDueSec - now;
    const type = office.workTypes.find((w) => w.id === clerk.workTypeId);
    rows.push([t('tip.item'), t('tip.itemValue', { id: clerk.itemId, type: type ? named(scenario, 'workTypes', type) : '' })]);
    rows.push([t('tip.due'), due >= 0 ? t('tip.dueIn', { time: formatDuration(due) }) : t('tip.lateBy', { time: formatDuration(-due) })]);
    if (clerk.endSec > now) rows.push([t('tip.endsIn'), formatDuration(clerk.endSec - now)]);
  } else {
    rows.push([t('tip.item'), t('tip.none')]);
  }
  rows.push([t('tip.skills'), team.skills.map((skill) => plainNamed(scenario, ['workTypes'], skill)).join(', ')]);
  // A voice agent lent to the back office (blending) keeps its group's shift, shown on its desk in the call center.
  if (team.shift) rows.push([t('tip.shift'), `${team.shift.start}–${team.shift.end} · ${team.shift.days.join(' ')}`]);
  return { title: t('tip.clerk', { id: clerk.id }), rows };
}
