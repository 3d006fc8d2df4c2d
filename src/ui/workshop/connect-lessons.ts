/** The workshop's Lessons tab: the bundled lessons, set up against the page's scenarios, in a side view. */
import { bundledLessons } from '../../app/lesson-catalog';
import { byId } from '../dom';
import type { PageController } from '../page-controller';
import type { SideView } from '../views';
import { LessonsView } from './lessons-view';

export function connectLessons(controller: PageController): { view: SideView; panel: LessonsView } {
  const panel = new LessonsView(byId('lessons'), controller, bundledLessons(controller.entries));
  return { view: { tab: 'tab-lessons', panel: 'panel-lessons' }, panel };
}
