/**
 * Inspect: hover or click an agent's workstation, or a clerk's desk, to see its state, the call
 * or item in hand, time in state, group or team, skills and shift. Click pins the tooltip (Escape
 * or a click elsewhere unpins); the content refreshes with the wallboard while it is shown.
 * Everything shown is read from the model's agent or clerk; nothing is computed here but
 * differences of the model's own times.
 */
import type { Agent } from '../model/voice/voice-model';
import type { Clerk } from '../model/backoffice/backoffice-objects';
import { h } from './dom';
import { formatClock, formatDuration, stateLabel, t } from './i18n/i18n';

type Subject = { kind: 'agent'; agent: Agent } | { kind: 'clerk'; clerk: Clerk };

export class AgentTooltip {
  private subject: Subject | null = null;
  private pinned = false;

  constructor(private readonly element: HTMLElement) {}

  get isPinned(): boolean {
    return this.pinned;
  }

  show(agent: Agent, x: number, y: number, now: number, pin = false): void {
    this.open({ kind: 'agent', agent }, x, y, now, pin);
  }

  showClerk(clerk: Clerk, x: number, y: number, now: number, pin = false): void {
    this.open({ kind: 'clerk', clerk }, x, y, now, pin);
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
    const same = this.subject !== null && (subject.kind === 'agent' ? this.subject.kind === 'agent' && this.subject.agent === subject.agent : this.subject.kind === 'clerk' && this.subject.clerk === subject.clerk);
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
    const { title, rows } = subject.kind === 'agent' ? agentRows(subject.agent, now) : clerkRows(subject.clerk, now);
    const list = h('dl');
    for (const [term, value] of rows) list.append(h('dt', { text: term }), h('dd', { text: value }));
    this.element.replaceChildren(h('h4', { text: title }), list);
  }
}

function agentRows(agent: Agent, now: number): { title: string; rows: [string, string][] } {
  const call = agent.call;
  const rows: [string, string][] = [
    [t('tip.group'), agent.group.name],
    [t('tip.state'), stateLabel(agent.state)],
    [t('tip.timeInState'), formatDuration(now - agent.stateSinceSec)],
  ];
  if (call) {
    // Answered at stateSinceSec while talking; in ACW the talk (call.talkSec) came before it.
    const answeredAt = agent.state === 'acw' ? agent.stateSinceSec - call.talkSec : agent.stateSinceSec;
    rows.push([t('tip.call'), t('tip.callValue', { id: call.id, queue: call.queue.name, wait: formatDuration(Math.max(0, answeredAt - call.arrivalSec)) })]);
    const end = agent.stateSinceSec + (agent.state === 'talking' ? call.talkSec : agent.state === 'acw' ? call.acwSec : 0);
    if (end > now) rows.push([t('tip.endsIn'), formatDuration(end - now)]);
  } else if (agent.dial) {
    rows.push([t('tip.dial'), t('tip.dialValue', { id: agent.dial.id, campaign: agent.dial.campaign.name })]);
  } else {
    rows.push([t('tip.call'), t('tip.none')]);
  }
  const skills = [...agent.group.queues.map((q) => q.name), ...agent.group.campaigns.map((c) => c.name)];
  rows.push([t('tip.skills'), skills.join(', ')]);
  const index = agent.group.agents.indexOf(agent);
  const plan = agent.group.shifts.find((p) => index >= p.firstAgent && index < p.endAgent);
  rows.push([
    t('tip.shift'),
    plan ? `${formatClock(plan.startSec, false)}–${formatClock(plan.endSec, false)} · ${agent.duty.onShift ? t('tip.onShift') : t('tip.offShift')}` : t('tip.noShift'),
  ]);
  return { title: t('tip.agent', { id: agent.id }), rows };
}

function clerkRows(clerk: Clerk, now: number): { title: string; rows: [string, string][] } {
  const item = clerk.item;
  const rows: [string, string][] = [
    [t('tip.team'), clerk.team.name],
    [t('tip.state'), t(`clerk.${clerk.state === 'offline' ? 'off' : clerk.state}` as 'clerk.off')],
    [t('tip.timeInState'), formatDuration(now - clerk.stateSinceSec)],
  ];
  if (item) {
    const due = item.dueSec - now;
    rows.push([t('tip.item'), t('tip.itemValue', { id: item.id, type: item.workType.name })]);
    rows.push([t('tip.due'), due >= 0 ? t('tip.dueIn', { time: formatDuration(due) }) : t('tip.lateBy', { time: formatDuration(-due) })]);
    if ((clerk.state === 'working' || clerk.state === 'checking') && clerk.endSec > now) rows.push([t('tip.endsIn'), formatDuration(clerk.endSec - now)]);
  } else {
    rows.push([t('tip.item'), t('tip.none')]);
  }
  rows.push([t('tip.skills'), clerk.team.workTypes.map((w) => w.name).join(', ')]);
  // A voice agent lent to the back office (blending) keeps its group's shift, shown on its desk in the call center.
  const shift = clerk.team.config?.shift;
  if (shift) rows.push([t('tip.shift'), `${shift.start}–${shift.end} · ${shift.days.join(' ')}`]);
  return { title: t('tip.clerk', { id: clerk.id }), rows };
}
