/** The scenario picker and the "Open file…" button: bundled scenarios and the user's own files. */
import { entryFromFile } from '../../app/scenario-catalog';
import { byId, h } from '../dom';
import { shownNames } from '../display-names';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

export function connectScenarioPicker(controller: PageController): void {
  const picker = byId<HTMLSelectElement>('scenario-picker');
  const fill = () => {
    const options = controller.entries.map((entry, i) => {
      const custom = entry.file.startsWith('custom:');
      const shown = entry.result.ok ? shownNames(entry.result.scenario).name : t('controls.scenarioInvalid', { name: custom ? entry.file.slice('custom:'.length) : entry.file });
      return h('option', { value: String(i), text: custom ? t('controls.scenarioCustom', { name: shown }) : shown });
    });
    if (options.length === 0) options.push(h('option', { value: '-1', text: t('problems.noScenarios') }));
    picker.replaceChildren(...options);
    picker.value = String(controller.selected);
  };
  picker.addEventListener('change', () => controller.selectScenario(Number(picker.value)));
  byId<HTMLInputElement>('scenario-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied at once, so choosing the same file again (after fixing it) is a change again.
    input.value = '';
    if (!file) return;
    controller.addEntry(await entryFromFile(`custom:${file.name}`, file));
  });
  controller.subscribe((change) => {
    if (change === 'catalog') fill();
  });
  onLanguageChange(fill);
}
