/**
 * Inspect: hovering an agent or clerk in the scene shows who they are and what they are doing;
 * a click pins the card, Escape or a click on nothing takes it down.
 */
import { AgentTooltip } from '../agent-tooltip';
import { byId } from '../dom';
import type { PageController } from '../page-controller';
import type { Stage } from '../stage';
import { isTyping } from './keyboard';

export function connectInspect(controller: PageController, { app, scene, host }: Stage): void {
  const tooltip = new AgentTooltip(byId('tooltip'), () => controller.run?.session.scenario ?? null);
  const pointer = (event: PointerEvent) => {
    const rect = app.canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  /** Shows the agent or clerk under (x, y); false when there is none. */
  const inspect = (x: number, y: number, pin: boolean): boolean => {
    const run = controller.run;
    const snapshots = scene.snapshots;
    if (!run || !snapshots) return false;
    const agent = scene.agentAt(x, y);
    if (agent >= 0) {
      tooltip.show(snapshots, agent, x, y, run.session.now, pin);
      return true;
    }
    const clerk = scene.clerkAt(x, y);
    if (clerk >= 0) {
      tooltip.showClerk(snapshots, clerk, x, y, run.session.now, pin);
      return true;
    }
    return false;
  };
  host.addEventListener('pointermove', (event) => {
    const { x, y } = pointer(event);
    if (!inspect(x, y, false)) tooltip.hide();
  });
  host.addEventListener('pointerleave', () => tooltip.hide());
  host.addEventListener('click', (event) => {
    const { x, y } = pointer(event as PointerEvent);
    if (!inspect(x, y, true)) tooltip.hide(true);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !isTyping(event)) tooltip.hide(true);
  });
  controller.subscribe((change) => {
    if (change === 'run') tooltip.hide(true);
    else if (change === 'refresh' && controller.run) tooltip.refresh(controller.run.session.now);
  });
}
