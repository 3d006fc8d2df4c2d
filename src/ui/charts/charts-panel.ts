/**
 * The charts tab: service level and queue per interval (for the queue the wallboard picked), the
 * outbound dialer and the back office. The plots are sized so every chart shown fits the panel.
 */
import { shownNames } from '../display-names';
import { byId, setText } from '../dom';
import { onLanguageChange } from '../i18n/i18n';
import { setChartHeight } from './chart-common';
import { VoiceCharts } from './voice-charts';
import { BackOfficeChart } from './backoffice-chart';
import { OutboundChart } from './outbound-chart';
import type { PageController } from '../page-controller';
import { describeChanges } from '../../app/live-changes';

export class ChartsPanel {
  private readonly root = byId('panel-charts');
  private readonly voice = new VoiceCharts(byId('chart-sl'), byId('chart-queue'), byId('chart-note'));
  private readonly backOffice = new BackOfficeChart(byId('chart-bo'));
  private readonly outbound = new OutboundChart(byId('chart-out'), byId('chart-out-title'));
  private plotHeight = 0;
  /** Set by a new run: the plots are sized once its figures are in. */
  private refitDue = false;
  /** How many changes the marks show, so a refresh redraws them only when one was added. */
  private markedChanges = -1;

  constructor(private readonly controller: PageController) {
    new ResizeObserver(() => this.fit()).observe(this.root);
    controller.subscribe((change) => {
      if (change === 'run') this.attach();
      else if (change === 'queue') {
        // Another queue may bring a note of another length under the charts: the plots make room.
        this.voice.select(controller.queueSelection);
        this.refit();
      }
      else if (change === 'refresh') this.refresh();
      if (change === 'run' || change === 'changes' || (change === 'refresh' && controller.changes.length !== this.markedChanges)) this.mark();
    });
    onLanguageChange(() => {
      this.voice.applyLanguage();
      this.backOffice.applyLanguage();
      this.outbound.applyLanguage();
      this.refit();
    });
  }

  /** Every change of the run so far marked on the charts of its room. */
  private mark(): void {
    const controller = this.controller;
    const start = controller.runWhatIf;
    const changes = start && controller.scenario ? describeChanges(shownNames(controller.scenario), start, controller.changes) : [];
    this.markedChanges = controller.changes.length;
    this.voice.setChanges(changes);
    this.backOffice.setChanges(changes);
  }

  /** The plots follow the panel's width (the window or the side column changed size). */
  resize(): void {
    this.voice.resize();
    this.backOffice.resize();
    this.outbound.resize();
    this.fit();
  }

  /** The tab was selected: the plots take the panel's size afresh. */
  shown(): void {
    this.plotHeight = 0;
    this.resize();
  }

  private refit(): void {
    this.plotHeight = 0;
    this.fit();
  }

  private attach(): void {
    const run = this.controller.run;
    this.voice.attach(run?.session ?? null, run ? this.controller.queueSelection : 0);
    this.backOffice.attach(run?.backOffice ?? null);
    this.outbound.attach(run?.session ?? null);
    this.refitDue = run !== null;
    byId('chart-bo-title').hidden = !run?.backOffice;
    if (run) byId('chart-hint').hidden = run.session.scenario.queues.length === 0;
    else setText(byId('chart-note'), '');
  }

  private refresh(): void {
    const session = this.controller.run?.session;
    this.voice.refresh();
    if (session) this.backOffice.refresh(session.now);
    this.outbound.refresh();
    if (this.refitDue) {
      this.refitDue = false;
      this.refit();
    }
  }

  /**
   * Sizes the plots so that every chart shown fits the charts panel, which takes what the side
   * column has left: the side panel never scrolls, at 1280×720 or 1920×1080.
   */
  private fit(): void {
    const panel = this.root;
    if (panel.hidden) return;
    const hosts = ['chart-sl', 'chart-queue', 'chart-out', 'chart-bo'].map((id) => byId(id)).filter((e) => !e.hidden);
    if (hosts.length === 0) return;
    const style = getComputedStyle(panel);
    const inner = panel.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    let plots = 0;
    for (const host of hosts) plots += host.getBoundingClientRect().height;
    // Height of the content now, whether it over- or underfills the panel.
    const top = panel.getBoundingClientRect().top + panel.clientTop + parseFloat(style.paddingTop);
    let bottom = top;
    for (const child of panel.children) {
      if ((child as HTMLElement).hidden) continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom + parseFloat(getComputedStyle(child).marginBottom));
    }
    const other = bottom - top - plots;
    const per = Math.floor((inner - other) / hosts.length) - 1;
    if (Math.abs(per - this.plotHeight) < 2) return;
    this.plotHeight = per;
    setChartHeight(per);
    this.voice.resize();
    this.backOffice.resize();
    this.outbound.resize();
  }
}
